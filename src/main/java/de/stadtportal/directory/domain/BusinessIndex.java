package de.stadtportal.directory.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.platform.text.IntList;
import de.stadtportal.platform.text.QueryTrigrams;
import de.stadtportal.platform.text.SortedInts;
import de.stadtportal.search.QueryWords;
import de.stadtportal.search.QueryWords.Word;
import de.stadtportal.platform.text.TextRank;
import de.stadtportal.platform.text.TrigramPostings;
import de.stadtportal.platform.text.TrigramSimilarity;
import de.stadtportal.platform.text.Trigrams;
import de.stadtportal.platform.text.TsVector;
import de.stadtportal.platform.text.TsVectors;

/**
 * The published businesses as the search matches and ranks them, kept in memory for one data version
 * ({@link BusinessIndexes}). It answers what {@link BusinessSearch}'s SQL matcher answers, candidate set by
 * candidate set – names in full text, all full text, typos, compounds, a named district or category, the
 * loose match – from the same stored columns (name_vector, search_vector, name_folded), with pg_trgm's word
 * similarity and ts_rank ported to Java ({@code platform.text}): a varied search then costs PostgreSQL
 * only the reading of its words and of the page's twenty rows, instead of a few thousand candidate rows.
 * Businesses are held in the database's name order (index = rank of {@code ORDER BY name, id}), so
 * "by name" is "by index", and every candidate set is a list of ascending indexes.
 */
final class BusinessIndex {

    /** pg_trgm's word_similarity_threshold as BusinessSearch sets it: a one-letter typo in a word of eight scores about 0.55. */
    static final double TYPO_THRESHOLD = 0.5;

    /** The public data version read in the same snapshot as the rows. */
    final long dataVersion;
    final int size;
    final long[] ids;
    private final long[] categoryIds;
    private final long[] districtIds;
    private final int[] attributes;
    private final boolean[] located;
    private final String[] namesFolded;
    /** Per lexeme number the businesses whose name_vector, or search_vector, holds it (ascending). */
    private final int[][] nameLexemes;
    private final int[][] textLexemes;
    /** Every search_vector, for the rank; it also numbers the lexemes of the names. */
    private final TsVectors vectors;
    /** The trigrams of the folded names, pg_trgm's index. */
    private final TrigramPostings trigramPostings;
    private final Map<String, Long> categoryBySlug;
    private final Map<String, Long> districtBySlug;
    private final Map<String, List<Long>> categoriesByFoldedName;
    private final Map<String, List<Long>> districtsByFoldedName;
    /** The database takes only ASCII letters and digits for word characters in trigrams (LC_CTYPE C). */
    private final boolean asciiWords;

    /** A category or district: id, slug and its name folded as portal_fold does. */
    record Place(long id, String slug, String nameFolded) {
    }

    /** Collects the published businesses one by one, in name order, and makes the index of them. */
    static final class Builder {
        private final long dataVersion;
        private final boolean asciiWords;
        private int size;
        private long[] ids = new long[1024];
        private long[] categoryIds = new long[1024];
        private long[] districtIds = new long[1024];
        private int[] attributes = new int[1024];
        private boolean[] located = new boolean[1024];
        private String[] namesFolded = new String[1024];
        private final TsVectors.Builder vectors = new TsVectors.Builder();
        private final List<IntList> names = new ArrayList<>();
        private final List<IntList> texts = new ArrayList<>();
        private final TrigramPostings.Builder trigrams;

        Builder(long dataVersion, boolean asciiWords) {
            this.dataVersion = dataVersion;
            this.asciiWords = asciiWords;
            this.trigrams = new TrigramPostings.Builder(asciiWords);
        }

        void add(long id, long categoryId, long districtId, int attributeBits, boolean isLocated, String nameFolded,
                 String[] nameLexemes, String searchVector) {
            if (size == ids.length) {
                int grown = size * 2;
                ids = Arrays.copyOf(ids, grown);
                categoryIds = Arrays.copyOf(categoryIds, grown);
                districtIds = Arrays.copyOf(districtIds, grown);
                attributes = Arrays.copyOf(attributes, grown);
                located = Arrays.copyOf(located, grown);
                namesFolded = Arrays.copyOf(namesFolded, grown);
            }
            int i = size++;
            ids[i] = id;
            categoryIds[i] = categoryId;
            districtIds[i] = districtId;
            attributes[i] = attributeBits;
            located[i] = isLocated;
            namesFolded[i] = nameFolded;
            trigrams.add(nameFolded);
            for (String lexeme : nameLexemes) {
                IntList list = postings(names, vectors.number(lexeme));
                if (list.size() == 0 || list.last() != i) {
                    list.add(i);
                }
            }
            for (int number : vectors.add(TsVector.parse(searchVector))) {
                postings(texts, number).add(i);
            }
        }

        /** The postings of a lexeme by its number (numbers grow by one as lexemes are first seen). */
        private static IntList postings(List<IntList> byLexeme, int number) {
            while (byLexeme.size() <= number) {
                byLexeme.add(new IntList());
            }
            return byLexeme.get(number);
        }

        BusinessIndex build(List<Place> categories, List<Place> districts) {
            return new BusinessIndex(this, categories, districts);
        }
    }

    private BusinessIndex(Builder built, List<Place> categories, List<Place> districts) {
        dataVersion = built.dataVersion;
        asciiWords = built.asciiWords;
        size = built.size;
        ids = Arrays.copyOf(built.ids, size);
        categoryIds = Arrays.copyOf(built.categoryIds, size);
        districtIds = Arrays.copyOf(built.districtIds, size);
        attributes = Arrays.copyOf(built.attributes, size);
        located = Arrays.copyOf(built.located, size);
        namesFolded = Arrays.copyOf(built.namesFolded, size);
        vectors = built.vectors.build();
        nameLexemes = built.names.stream().map(IntList::toArray).toArray(int[][]::new);
        textLexemes = built.texts.stream().map(IntList::toArray).toArray(int[][]::new);
        trigramPostings = built.trigrams.build();
        categoryBySlug = bySlug(categories);
        districtBySlug = bySlug(districts);
        categoriesByFoldedName = byFoldedName(categories);
        districtsByFoldedName = byFoldedName(districts);
    }

    /**
     * What the SQL matcher's CTE {@code q} holds ({@code QueryWords.checked}): the lexemes of the words found
     * exactly (empty: tsq is NULL), the meaningful words found nowhere (typo, null if none), all other words
     * (folded), whether any word means something, the single word also looked for inside compounds, and the
     * districts and categories the query names.
     */
    record Reading(List<String> tsq, String typo, String folded, boolean hasTerms, String inside,
                   Set<Long> districtsNamed, Set<Long> categoriesNamed) {
    }

    Reading read(List<Word> words) {
        Set<Long> districtsNamed = new LinkedHashSet<>();
        Set<Long> categoriesNamed = new LinkedHashSet<>();
        Set<String> placeWords = new HashSet<>();
        for (Word word : words) {
            List<Long> district = districtsByFoldedName.get(word.folded());
            List<Long> category = categoriesByFoldedName.get(word.folded());
            if (district != null) {
                districtsNamed.addAll(district);
                placeWords.add(word.folded());
            }
            if (category != null) {
                categoriesNamed.addAll(category);
                placeWords.add(word.folded());
            }
        }
        List<Word> rest = words.stream().filter(word -> !placeWords.contains(word.folded())).toList();
        // found: some published business holds all its lexemes (EXISTS … search_vector @@ plainto_tsquery(w))
        QueryWords.Checked q = QueryWords.check(rest, lexemes -> intersect(lexemes, textLexemes).length > 0);
        return new Reading(q.tsq(), q.typo(), q.folded(), q.hasTerms(), q.inside(), districtsNamed, categoriesNamed);
    }

    /**
     * The candidates of a query, ascending (name order): the union of the SQL matcher's candidate sets, each
     * bounded by {@code bound} (its first members in name order where the SQL takes any).
     */
    int[] candidates(Search search, Reading q, int bound) {
        Filter filter = filter(search, q);
        if (filter == null) {
            return new int[0];
        }
        TrigramSimilarity similarity = new TrigramSimilarity();
        QueryTrigrams typo = q.typo() == null ? null : trigrams(q.typo());
        IntList union = new IntList();
        int[] named = new int[0];
        int[] fulltext = new int[0];
        int[] typos = new int[0];
        int[] compound = new int[0];
        int[] narrowed = new int[0];
        if (!q.tsq().isEmpty()) {
            named = take(intersect(q.tsq(), nameLexemes), filter, typo, similarity, bound);
            if (named.length <= bound - 1) {
                fulltext = take(intersect(q.tsq(), textLexemes), filter, typo, similarity, bound);
            }
        } else if (typo != null) {
            typos = similar(typo, filter, similarity, bound);
        }
        if (q.inside() != null) {
            compound = containing(q.inside(), filter, bound);
        }
        if (!q.hasTerms() && (!q.districtsNamed().isEmpty() || !q.categoriesNamed().isEmpty())) {
            narrowed = take(null, filter, null, similarity, bound);
        }
        int[] loose = new int[0];
        if (named.length == 0 && fulltext.length == 0 && typos.length == 0 && narrowed.length == 0 && compound.length == 0) {
            loose = similar(trigrams(q.folded()), filter, similarity, bound);
        }
        for (int[] set : List.of(named, fulltext, typos, compound, narrowed, loose)) {
            for (int i : set) {
                union.add(i);
            }
        }
        int[] result = union.toArray();
        Arrays.sort(result);
        return SortedInts.distinct(result);
    }

    /** Whether the business is located (for the map). */
    boolean located(int index) {
        return located[index];
    }

    /**
     * BusinessSearch's RANK: {@code coalesce(ts_rank(search_vector, tsq), 0) * 2 + CASE WHEN name_vector @@ tsq
     * THEN 1 ELSE word_similarity(folded, name_folded) END}, in PostgreSQL's arithmetic: ts_rank and the
     * similarity are float4 ("real"), the sum double precision (real * integer is double there).
     */
    double rank(int index, Ranking ranking) {
        float textRank = 0;
        boolean nameMatches = false;
        if (ranking.text() != null) {
            textRank = ranking.text().rank(vectors.positions(index, ranking.lexemeIds()));
            nameMatches = true;
            for (int[] postings : ranking.namePostings()) {
                if (Arrays.binarySearch(postings, index) < 0) {
                    nameMatches = false;
                    break;
                }
            }
        }
        float second = nameMatches ? 1f : ranking.similarity().wordSimilarity(ranking.folded(), Trigrams.of(namesFolded[index], asciiWords));
        return (double) textRank * 2 + (double) second;
    }

    /** What ranking a query's candidates needs, prepared once per query; for one thread (its similarity's scratch arrays). */
    record Ranking(TextRank text, int[] lexemeIds, int[][] namePostings, QueryTrigrams folded, TrigramSimilarity similarity) {
    }

    Ranking ranking(Reading q) {
        TextRank text = q.tsq().isEmpty() ? null : TextRank.forQuery(q.tsq());
        int[] numbers = text == null ? new int[0] : text.lexemes().stream().mapToInt(vectors::number).toArray();
        // the names holding each lexeme of tsq: name_vector @@ tsq is membership in all of them
        int[][] names = q.tsq().stream().map(lexeme -> postings(lexeme, nameLexemes)).toArray(int[][]::new);
        return new Ranking(text, numbers, names, trigrams(q.folded()), new TrigramSimilarity());
    }

    private int[] postings(String lexeme, int[][] byLexeme) {
        int number = vectors.number(lexeme);
        return number < 0 || number >= byLexeme.length ? NONE : byLexeme[number];
    }

    /** The text's trigrams as this database makes them. */
    private QueryTrigrams trigrams(String text) {
        return QueryTrigrams.of(Trigrams.of(text, asciiWords));
    }

    /** The filters besides the words: category, district, attributes, and the districts or categories the query names. */
    private record Filter(long category, long district, int attributes, Set<Long> districts, Set<Long> categories) {
    }

    /** Null when a filter names nothing that exists (the SQL compares with NULL: no business). */
    private Filter filter(Search search, Reading q) {
        long category = 0;
        long district = 0;
        if (search.category() != null && !search.category().isBlank()) {
            Long id = categoryBySlug.get(search.category());
            if (id == null) {
                return null;
            }
            category = id;
        }
        if (search.district() != null && !search.district().isBlank()) {
            Long id = districtBySlug.get(search.district());
            if (id == null) {
                return null;
            }
            district = id;
        }
        int required = 0;
        for (String key : search.attributes()) {
            required |= BusinessAttribute.byKey(key).map(attribute -> 1 << attribute.ordinal()).orElse(0);
        }
        return new Filter(category, district, required, q.districtsNamed(), q.categoriesNamed());
    }

    private boolean passes(int i, Filter filter) {
        return (filter.category() == 0 || categoryIds[i] == filter.category())
                && (filter.district() == 0 || districtIds[i] == filter.district())
                && (attributes[i] & filter.attributes()) == filter.attributes()
                && (filter.districts().isEmpty() || filter.districts().contains(districtIds[i]))
                && (filter.categories().isEmpty() || filter.categories().contains(categoryIds[i]));
    }

    /** The first {@code bound} of {@code from} (all businesses if null) that pass the filter and, if given, are similar to the typo words. */
    private int[] take(int[] from, Filter filter, QueryTrigrams typo, TrigramSimilarity similarity, int bound) {
        IntList taken = new IntList();
        int count = from == null ? size : from.length;
        for (int k = 0; k < count && taken.size() < bound; k++) {
            int i = from == null ? k : from[k];
            if (passes(i, filter) && (typo == null || similarity.similar(typo, Trigrams.of(namesFolded[i], asciiWords), TYPO_THRESHOLD))) {
                taken.add(i);
            }
        }
        return taken.toArray();
    }

    /**
     * Names similar to the words ({@code words <% name_folded}): only names sharing enough of the words' trigrams
     * can reach the threshold (similarity ≤ shared / the words' trigrams), so those are counted from the
     * trigram postings first and only they are compared.
     */
    private int[] similar(QueryTrigrams words, Filter filter, TrigramSimilarity similarity, int bound) {
        int[] candidates = trigramPostings.sharing(words, TYPO_THRESHOLD);
        IntList found = new IntList();
        for (int k = 0; k < candidates.length && found.size() < bound; k++) {
            int i = candidates[k];
            if (passes(i, filter) && similarity.similar(words, Trigrams.of(namesFolded[i], asciiWords), TYPO_THRESHOLD)) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    /**
     * Names containing the word ({@code name_folded LIKE '%word%'}): a name containing it holds each of its
     * three-letter pieces as a trigram of one of its words, so only names in all their postings are compared.
     */
    private int[] containing(String word, Filter filter, int bound) {
        int[] from = trigramPostings.mayContain(word);
        IntList found = new IntList();
        int count = from == null ? size : from.length;
        for (int k = 0; k < count && found.size() < bound; k++) {
            int i = from == null ? k : from[k];
            if (namesFolded[i].contains(word) && passes(i, filter)) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    private static final int[] NONE = SortedInts.NONE;

    /** The businesses holding every lexeme (ascending), or none. */
    private int[] intersect(List<String> lexemes, int[][] byLexeme) {
        int[] result = null;
        for (String lexeme : lexemes) {
            int[] list = postings(lexeme, byLexeme);
            if (list.length == 0) {
                return NONE;
            }
            result = result == null ? list : SortedInts.intersect(result, list);
            if (result.length == 0) {
                return result;
            }
        }
        return result == null ? new int[0] : result;
    }

    private static Map<String, Long> bySlug(List<Place> places) {
        Map<String, Long> bySlug = new HashMap<>();
        places.forEach(place -> bySlug.put(place.slug(), place.id()));
        return bySlug;
    }

    private static Map<String, List<Long>> byFoldedName(List<Place> places) {
        Map<String, List<Long>> byName = new HashMap<>();
        places.forEach(place -> byName.computeIfAbsent(place.nameFolded(), n -> new ArrayList<>()).add(place.id()));
        return byName;
    }
}
