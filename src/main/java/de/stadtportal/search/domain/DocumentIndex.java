package de.stadtportal.search.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.platform.text.IntList;
import de.stadtportal.platform.text.QueryTrigrams;
import de.stadtportal.platform.text.SortedInts;
import de.stadtportal.platform.text.TextRank;
import de.stadtportal.platform.text.TrigramPostings;
import de.stadtportal.platform.text.TrigramSimilarity;
import de.stadtportal.platform.text.Trigrams;
import de.stadtportal.platform.text.TsVector;
import de.stadtportal.platform.text.TsVectors;
import de.stadtportal.search.QueryWords;
import de.stadtportal.search.domain.SearchQuery.Hit;
import de.stadtportal.search.domain.SearchQuery.Result;

/**
 * The table search_document as /suche matches and ranks it, kept in memory for one public data version
 * ({@link DocumentIndexes}). It answers what {@link SearchQuery}'s HITS statement answers – full text for the
 * words found exactly, {@code <%} on the folded title for the words found nowhere, a single word also inside
 * titles, the loose match when all that finds nothing, the language rule, the rank, the order and the counts
 * per kind – from the same stored columns (search_vector, title_folded), with ts_rank and pg_trgm's word
 * similarity ported to Java ({@code platform.text}): a search then costs PostgreSQL only the reading of its words.
 * <p>Documents are held in the database's order of {@code title, key, kind, language} (index = rank in that
 * order), so the statement's tie-break "title, key" within a kind is "by index", in the database's collation.
 * Where more than {@link SearchQuery#MAX_CANDIDATES} documents qualify, the statement's {@code LIMIT} without
 * ORDER BY takes any of them; this index takes the first in that order (as the directory's index takes the
 * first by name), so the same query always gets the same answer.
 */
final class DocumentIndex {

    /** pg_trgm.word_similarity_threshold as SearchQuery sets it for the statement. */
    static final double TYPO_THRESHOLD = 0.5;
    /** The languages search_document allows (its CHECK), as bits of {@link #languagesOfKey}. */
    private static final List<String> LANGUAGES = List.of("de", "en");
    private static final int[] NONE = SortedInts.NONE;

    /** The public data version read in the same snapshot as the rows. */
    final long dataVersion;
    final int size;
    /** The kinds in the database's order ({@code ORDER BY kind}); documents refer to them by number. */
    private final List<String> kinds;
    private final int[] kind;
    private final String[] keys;
    private final byte[] language;
    /** Per document the languages its kind and key exist in (bits of LANGUAGES): the language rule's NOT EXISTS. */
    private final byte[] languagesOfKey;
    private final String[] titles;
    private final String[] bodies;
    private final String[] urls;
    private final String[] titlesFolded;
    /** Per lexeme number ({@link #vectors}) the documents holding it (ascending). */
    private final int[][] lexemeDocuments;
    /** Every search_vector, for the rank; it numbers the lexemes. */
    private final TsVectors vectors;
    /** The trigrams of the folded titles, pg_trgm's index. */
    private final TrigramPostings trigramPostings;
    /** The database takes only ASCII letters and digits for word characters in trigrams (LC_CTYPE C). */
    private final boolean asciiWords;

    /** Collects the documents one by one, in the order of title, key, kind and language, and makes the index. */
    static final class Builder {
        private final long dataVersion;
        private final boolean asciiWords;
        private final List<String> kinds;
        private final Map<String, Integer> kindNumbers = new HashMap<>();
        private final IntList kind = new IntList();
        private final List<String> keys = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();
        private final List<String> urls = new ArrayList<>();
        private final List<String> titlesFolded = new ArrayList<>();
        private final IntList language = new IntList();
        private final TsVectors.Builder vectors = new TsVectors.Builder();
        private final List<IntList> documents = new ArrayList<>();
        private final TrigramPostings.Builder trigrams;

        /** @param kinds every kind of the documents, in the database's order */
        Builder(long dataVersion, boolean asciiWords, List<String> kinds) {
            this.dataVersion = dataVersion;
            this.asciiWords = asciiWords;
            this.trigrams = new TrigramPostings.Builder(asciiWords);
            this.kinds = List.copyOf(kinds);
            for (int k = 0; k < kinds.size(); k++) {
                kindNumbers.put(kinds.get(k), k);
            }
        }

        void add(String kindName, String key, String languageName, String title, String body, String url, String titleFolded,
                 String searchVector) {
            Integer kindNumber = kindNumbers.get(kindName);
            int languageNumber = LANGUAGES.indexOf(languageName);
            if (kindNumber == null || languageNumber < 0) {
                throw new IllegalStateException("unexpected kind or language: " + kindName + ", " + languageName);
            }
            int i = keys.size();
            kind.add(kindNumber);
            keys.add(key);
            language.add(languageNumber);
            titles.add(title);
            bodies.add(body);
            urls.add(url);
            titlesFolded.add(titleFolded);
            trigrams.add(titleFolded);
            for (int number : vectors.add(TsVector.parse(searchVector))) {
                while (documents.size() <= number) {
                    documents.add(new IntList());
                }
                documents.get(number).add(i);
            }
        }

        DocumentIndex build() {
            return new DocumentIndex(this);
        }
    }

    private DocumentIndex(Builder built) {
        dataVersion = built.dataVersion;
        asciiWords = built.asciiWords;
        size = built.keys.size();
        kinds = built.kinds;
        kind = built.kind.toArray();
        keys = built.keys.toArray(String[]::new);
        titles = built.titles.toArray(String[]::new);
        bodies = built.bodies.toArray(String[]::new);
        urls = built.urls.toArray(String[]::new);
        titlesFolded = built.titlesFolded.toArray(String[]::new);
        language = new byte[size];
        languagesOfKey = new byte[size];
        Map<String, Integer> languagesByKey = new HashMap<>();
        for (int i = 0; i < size; i++) {
            language[i] = (byte) built.language.get(i);
            languagesByKey.merge(kind[i] + "\u0000" + keys[i], 1 << language[i], (a, b) -> a | b);
        }
        for (int i = 0; i < size; i++) {
            languagesOfKey[i] = (byte) (int) languagesByKey.get(kind[i] + "\u0000" + keys[i]);
        }
        vectors = built.vectors.build();
        lexemeDocuments = built.documents.stream().map(IntList::toArray).toArray(int[][]::new);
        trigramPostings = built.trigrams.build();
    }

    /** How the statement's CTE {@code q} reads the words: "found" is found in any document, in any language. */
    QueryWords.Checked read(List<QueryWords.Word> words) {
        return QueryWords.check(words, lexemes -> holdingAll(lexemes).length > 0);
    }

    /**
     * What the HITS statement returns: the counts of every kind (most first, then by kind) and the hits shown, each
     * kind's in the order of rank, title and key – without a kind the first {@link SearchQuery#PER_KIND} of every
     * kind, with one the {@link SearchQuery#PAGE_SIZE} of that kind from {@code from} on.
     */
    Result search(QueryWords.Checked q, String pageLanguage, String onlyKind, int from) {
        int wantedLanguage = LANGUAGES.indexOf(pageLanguage);
        TrigramSimilarity similarity = new TrigramSimilarity();
        QueryTrigrams folded = trigrams(q.folded());
        int[] candidates = strict(q, wantedLanguage, similarity);
        boolean loose = candidates.length == 0;
        if (loose) {
            // nothing at all: the whole query against the titles
            candidates = similar(folded, wantedLanguage, similarity);
        }
        TextRank text = loose || q.tsq().isEmpty() ? null : TextRank.forQuery(q.tsq());
        int[] lexemes = text == null ? NONE : text.lexemes().stream().mapToInt(vectors::number).toArray();
        double[] rank = new double[candidates.length];
        Map<Integer, IntList> byKind = new HashMap<>();
        for (int k = 0; k < candidates.length; k++) {
            int i = candidates[k];
            // strict: coalesce(ts_rank(search_vector, tsq), 0) * 2 + word_similarity(folded, title_folded), real * 2 being
            // double precision in PostgreSQL; loose: the similarity alone
            float textRank = text == null || vectors.isEmpty(i) ? 0f : text.rank(vectors.positions(i, lexemes));
            float titleSimilarity = similarity.wordSimilarity(folded, Trigrams.of(titlesFolded[i], asciiWords));
            rank[k] = (double) textRank * 2 + (double) titleSimilarity;
            byKind.computeIfAbsent(kind[i], n -> new IntList()).add(k);
        }
        // most hits first, then by kind
        List<Integer> kindOrder = new ArrayList<>(byKind.keySet());
        kindOrder.sort((a, b) -> byKind.get(a).size() != byKind.get(b).size()
                ? Integer.compare(byKind.get(b).size(), byKind.get(a).size()) : Integer.compare(a, b));
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Hit> hits = new ArrayList<>();
        for (int kindNumber : kindOrder) {
            String name = kinds.get(kindNumber);
            int[] ofKind = byKind.get(kindNumber).toArray();
            counts.put(name, ofKind.length);
            int first = onlyKind == null ? 0 : from;
            int end = onlyKind == null ? SearchQuery.PER_KIND : from + SearchQuery.PAGE_SIZE;
            if (onlyKind != null && !onlyKind.equals(name) || first >= ofKind.length) {
                continue;
            }
            // rank DESC, title, key: candidates ascend by index, so a stable sort by rank keeps title and key order
            Integer[] order = Arrays.stream(ofKind).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(rank[b], rank[a]));
            for (int n = first; n < Math.min(end, order.length); n++) {
                int i = candidates[order[n]];
                hits.add(new Hit(name, keys[i], titles[i], bodies[i], urls[i]));
            }
        }
        return new Result(counts, hits);
    }

    /**
     * The statement's {@code strict} set, ascending: documents matching the words found exactly (and similar to the
     * typo words, if any), or similar to the typo words when no word was found exactly, or whose title holds the
     * single word; in the page's language; the first {@link SearchQuery#MAX_CANDIDATES}.
     */
    private int[] strict(QueryWords.Checked q, int wantedLanguage, TrigramSimilarity similarity) {
        QueryTrigrams typo = q.typo() == null ? null : trigrams(q.typo());
        int[] fulltext = NONE;
        int[] typos = NONE;
        int[] compound = NONE;
        if (!q.tsq().isEmpty()) {
            fulltext = take(holdingAll(q.tsq()), wantedLanguage, typo, similarity);
        } else if (typo != null) {
            typos = similar(typo, wantedLanguage, similarity);
        }
        if (q.inside() != null) {
            compound = containing(q.inside(), wantedLanguage);
        }
        // each set holds its first MAX_CANDIDATES, so the union's first MAX_CANDIDATES are among them
        int[] union = new int[fulltext.length + typos.length + compound.length];
        System.arraycopy(fulltext, 0, union, 0, fulltext.length);
        System.arraycopy(typos, 0, union, fulltext.length, typos.length);
        System.arraycopy(compound, 0, union, fulltext.length + typos.length, compound.length);
        Arrays.sort(union);
        int[] distinct = SortedInts.distinct(union);
        return distinct.length > SearchQuery.MAX_CANDIDATES ? Arrays.copyOf(distinct, SearchQuery.MAX_CANDIDATES) : distinct;
    }

    /**
     * The statement's language rule: the document in the page's language, or the German one where its kind and key
     * have none in that language.
     */
    private boolean languageOk(int i, int wantedLanguage) {
        return language[i] == wantedLanguage
                || language[i] == 0 && (wantedLanguage < 0 || (languagesOfKey[i] & 1 << wantedLanguage) == 0);
    }

    /** The first MAX_CANDIDATES of {@code from} in the language and, if given, similar to the typo words. */
    private int[] take(int[] from, int wantedLanguage, QueryTrigrams typo, TrigramSimilarity similarity) {
        IntList taken = new IntList();
        for (int k = 0; k < from.length && taken.size() < SearchQuery.MAX_CANDIDATES; k++) {
            int i = from[k];
            if (languageOk(i, wantedLanguage)
                    && (typo == null || similarity.similar(typo, Trigrams.of(titlesFolded[i], asciiWords), TYPO_THRESHOLD))) {
                taken.add(i);
            }
        }
        return taken.toArray();
    }

    /**
     * Titles similar to the words ({@code words <% title_folded}), the first MAX_CANDIDATES in the language: only
     * titles sharing enough of the words' trigrams can reach the threshold (similarity ≤ shared / the words'
     * trigrams), so those are counted from the trigram postings first and only they are compared.
     */
    private int[] similar(QueryTrigrams words, int wantedLanguage, TrigramSimilarity similarity) {
        int[] candidates = trigramPostings.sharing(words, TYPO_THRESHOLD);
        IntList found = new IntList();
        for (int k = 0; k < candidates.length && found.size() < SearchQuery.MAX_CANDIDATES; k++) {
            int i = candidates[k];
            if (languageOk(i, wantedLanguage) && similarity.similar(words, Trigrams.of(titlesFolded[i], asciiWords), TYPO_THRESHOLD)) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    /**
     * Titles containing the word ({@code title_folded LIKE '%word%'}), the first MAX_CANDIDATES in the language: a
     * title containing it holds each of its three-letter pieces as a trigram of one of its words, so only titles in
     * all their postings are compared.
     */
    private int[] containing(String word, int wantedLanguage) {
        int[] from = trigramPostings.mayContain(word);
        IntList found = new IntList();
        int count = from == null ? size : from.length;
        for (int k = 0; k < count && found.size() < SearchQuery.MAX_CANDIDATES; k++) {
            int i = from == null ? k : from[k];
            if (titlesFolded[i].contains(word) && languageOk(i, wantedLanguage)) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    /** The documents whose search_vector holds every lexeme ({@code @@} of an AND), ascending. */
    private int[] holdingAll(List<String> lexemes) {
        int[] result = null;
        for (String lexeme : lexemes) {
            int number = vectors.number(lexeme);
            if (number < 0) {
                return NONE;
            }
            result = result == null ? lexemeDocuments[number] : SortedInts.intersect(result, lexemeDocuments[number]);
            if (result.length == 0) {
                return NONE;
            }
        }
        return result == null ? NONE : result;
    }

    /** The text's trigrams as this database makes them. */
    private QueryTrigrams trigrams(String text) {
        return QueryTrigrams.of(Trigrams.of(text, asciiWords));
    }
}
