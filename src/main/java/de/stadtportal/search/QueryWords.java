package de.stadtportal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a query is read, the same for the directory (/unternehmen, the map) and the portal-wide search
 * (/suche): word by word. A word that matches some text exactly (German full text over folded text)
 * narrows by full text; only a word that matches nothing exactly is looked for as a typo (trigram word
 * similarity), so "Bäckerei" never pads its bakeries with "Dachdeckerei". On English pages common English
 * words and the English names of the categories become the German words the data is written in
 * ("bakery" is "Bäckerei"), from the small table {@code search/english-words.properties}.
 */
public final class QueryWords {

    private static final Map<String, String> ENGLISH = load("/search/english-words.properties");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private QueryWords() {
    }

    /** The query as it is searched: on English pages ("en") English words replaced by German ones. */
    public static String translate(String query, String language) {
        if (query == null || !"en".equals(language)) {
            return query == null ? "" : query;
        }
        Matcher words = WORD.matcher(query);
        StringBuilder translated = new StringBuilder();
        while (words.find()) {
            String german = ENGLISH.get(words.group().toLowerCase(Locale.ROOT));
            words.appendReplacement(translated, Matcher.quoteReplacement(german == null ? words.group() : german));
        }
        words.appendTail(translated);
        return translated.toString();
    }

    /**
     * SQL: the WITH entries {@code query_words (w, ord)} (the folded words of {@code :q}), and after
     * {@code checked} – which the caller writes from {@link #checked(String)} – the one row {@code q}
     * with {@code tsq} (full text of the words found exactly, NULL if none), {@code typo} (the
     * meaningful words found nowhere, NULL if none), {@code folded} (all words), {@code has_terms} and
     * {@code inside} (a single word found exactly, to be found inside compounds too, else NULL).
     */
    public static String wordsCte() {
        return "query_words AS MATERIALIZED (SELECT w, ord FROM unnest(regexp_split_to_array(portal_fold(:q), '[^[:alnum:]]+'))"
                + " WITH ORDINALITY AS t(w, ord) WHERE w <> '')";
    }

    /**
     * SQL: {@code checked (w, ord, meaningful, found)} over {@code words}; {@code foundCondition} tells
     * with the alias {@code wq} (the word's tsquery) whether a word matches anything exactly, e.g.
     * {@code EXISTS (SELECT FROM t WHERE t.vector @@ wq)} (index-backed, stops at the first row).
     */
    public static String checked(String words, String foundCondition) {
        return "checked AS MATERIALIZED (SELECT w, ord, numnode(wq) > 0 AS meaningful, numnode(wq) > 0 AND " + foundCondition
                + " AS found FROM (SELECT w, ord, plainto_tsquery('german', w) AS wq FROM " + words + ") words),"
                + " q AS MATERIALIZED (SELECT plainto_tsquery('german', string_agg(w, ' ' ORDER BY ord) FILTER (WHERE found)) AS tsq,"
                + " string_agg(w, ' ' ORDER BY ord) FILTER (WHERE meaningful AND NOT found) AS typo,"
                + " coalesce(string_agg(w, ' ' ORDER BY ord), '') AS folded,"
                + " coalesce(bool_or(meaningful), FALSE) AS has_terms,"
                // one word alone, found exactly, of four letters or more: also inside compounds of titles and
                // names ("Sprechtag" in "Digitalisierungssprechtag"); letters and digits only, so a safe LIKE
                + " CASE WHEN count(*) FILTER (WHERE meaningful) = 1 THEN max(w) FILTER (WHERE meaningful AND found"
                + " AND length(w) >= 4) END AS inside FROM checked)";
    }

    /** A query's word as PostgreSQL read it: folded (portal_fold), its position and its lexemes (to_tsvector('german')). */
    public record Word(String folded, int ord, List<String> lexemes) {

        /** {@code numnode(plainto_tsquery('german', w)) > 0}: not a stop word. */
        public boolean meaningful() {
            return !lexemes.isEmpty();
        }
    }

    /** The words of a query and the numbers read with them (e.g. data versions), in the order asked for. */
    public record Read(List<Word> words, long[] numbers) {
    }

    /**
     * The query's words as PostgreSQL folds and stems them, split as {@link #wordsCte()} splits them, for an
     * in-memory matcher: one statement that reads no table besides what {@code numbers} read (SQL expressions of
     * one bigint each, e.g. a data version read in the same snapshot), and one row even without words.
     */
    public static Read read(JdbcClient jdbc, String query, String... numbers) {
        long[] read = new long[numbers.length];
        List<Word> words = new ArrayList<>();
        StringBuilder columns = new StringBuilder();
        for (int k = 0; k < numbers.length; k++) {
            columns.append("(").append(numbers[k]).append(") AS n").append(k).append(", ");
        }
        jdbc.sql("WITH " + wordsCte() + " SELECT " + columns + "t.w, t.ord, tsvector_to_array(to_tsvector('german', t.w)) AS lexemes"
                        + " FROM (VALUES (1)) one (x) LEFT JOIN query_words t ON TRUE ORDER BY t.ord")
                .param("q", query)
                .query(rs -> {
                    for (int k = 0; k < read.length; k++) {
                        read[k] = rs.getLong("n" + k);
                    }
                    if (rs.getString("w") != null) {
                        words.add(new Word(rs.getString("w"), rs.getInt("ord"), List.of((String[]) rs.getArray("lexemes").getArray())));
                    }
                });
        return new Read(List.copyOf(words), read);
    }

    /**
     * What {@link #checked}'s row {@code q} holds, from words read by {@link #read}: the lexemes of the words found
     * exactly (empty where tsq is NULL), the meaningful words found nowhere (typo, null if none), all words
     * (folded), whether any word means something, and the single word also looked for inside compounds (else null).
     */
    public record Checked(List<String> tsq, String typo, String folded, boolean hasTerms, String inside) {
    }

    /**
     * {@link #checked} in Java. {@code found} answers the SQL's {@code foundCondition}: whether some text holds
     * every lexeme of a meaningful word.
     */
    public static Checked check(List<Word> words, Predicate<List<String>> found) {
        List<String> tsq = new ArrayList<>();
        List<String> typos = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int meaningful = 0;
        String inside = null;
        for (Word word : words) {
            all.add(word.folded());
            if (!word.meaningful()) {
                continue;
            }
            meaningful++;
            if (found.test(word.lexemes())) {
                tsq.addAll(word.lexemes());
                // max(w) FILTER (WHERE meaningful AND found AND length(w) >= 4), used only for a single meaningful word
                if (word.folded().codePointCount(0, word.folded().length()) >= 4
                        && (inside == null || word.folded().compareTo(inside) > 0)) {
                    inside = word.folded();
                }
            } else {
                typos.add(word.folded());
            }
        }
        return new Checked(List.copyOf(tsq), typos.isEmpty() ? null : String.join(" ", typos), String.join(" ", all),
                meaningful > 0, meaningful == 1 ? inside : null);
    }

    private static Map<String, String> load(String resource) {
        Properties words = new Properties();
        try (InputStream in = QueryWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                words.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        words.forEach((english, german) -> map.put(((String) english).toLowerCase(Locale.ROOT), ((String) german).strip()));
        return Map.copyOf(map);
    }
}
