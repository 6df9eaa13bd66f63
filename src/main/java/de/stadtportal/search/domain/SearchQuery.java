package de.stadtportal.search.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.search.QueryWords;
import de.stadtportal.search.QueryWordsReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal-wide search in PostgreSQL: German full text over folded title and text (umlauts and ß
 * either way), trigram word similarity on the title for typos ("Sprechtak"), title weighing more
 * than text; on English pages common English words are read as German ones ("bakery"). Without a kind it returns the best few hits of every kind; with one, a page of that kind.
 * The same is answered in memory ({@link DocumentIndex}, per public data version), so PostgreSQL only reads the
 * query's words; a search while the index is being built is answered by the statement here.
 */
@Service
public class SearchQuery {

    public static final int PER_KIND = 5;
    public static final int PAGE_SIZE = 20;
    /** Candidates looked at per search; nobody pages further, a more precise query helps instead. */
    public static final int MAX_CANDIDATES = 1000;
    public static final int MAX_PAGES = MAX_CANDIDATES / PAGE_SIZE;

    /**
     * Word by word ({@link QueryWords}): words found exactly search by full text, only words found
     * nowhere look for titles with a typo, so "Bäckerei" does not bring "Dachdeckerei". Only when that
     * finds nothing at all is the whole query compared with the titles (a mixed query of typos and
     * words found elsewhere).
     */
    private static final String HITS = "WITH " + QueryWords.wordsCte() + ", "
            + QueryWords.checked("query_words", "EXISTS (SELECT FROM search_document x WHERE x.search_vector @@ wq)") + ","
            + """
            strict AS MATERIALIZED (
                SELECT d.kind, d.key, d.title, d.body, d.url, d.updated,
                       coalesce(ts_rank(d.search_vector, (SELECT tsq FROM q)), 0) * 2
                       + word_similarity((SELECT folded FROM q), d.title_folded) AS rank
                FROM search_document d
                WHERE ((d.search_vector @@ (SELECT tsq FROM q)
                        AND ((SELECT typo FROM q) IS NULL OR (SELECT typo FROM q) <% d.title_folded))
                       OR ((SELECT tsq FROM q) IS NULL AND (SELECT typo FROM q) <% d.title_folded)
                       OR d.title_folded LIKE '%' || (SELECT inside FROM q) || '%')
                  AND LANGUAGE_OK
                LIMIT MAX_CANDIDATES),
            loose AS (
                SELECT d.kind, d.key, d.title, d.body, d.url, d.updated,
                       word_similarity((SELECT folded FROM q), d.title_folded) AS rank
                FROM search_document d
                WHERE NOT EXISTS (SELECT FROM strict) AND (SELECT folded FROM q) <% d.title_folded AND LANGUAGE_OK
                LIMIT MAX_CANDIDATES),
            hits AS MATERIALIZED (SELECT * FROM strict UNION ALL SELECT * FROM loose),
            ranked AS (
                SELECT hits.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, title, key) AS n FROM hits)
            """.replace("MAX_CANDIDATES", Integer.toString(MAX_CANDIDATES)).replace("LANGUAGE_OK", """
                (d.language = :language OR (d.language = 'de' AND NOT EXISTS (
                  SELECT 1 FROM search_document t WHERE t.kind = d.kind AND t.key = d.key AND t.language = :language)))""");

    private final JdbcClient jdbc;
    private final DocumentIndexes indexes;
    private final QueryWordsReader wordsReader;
    private final boolean inMemory;
    private final TransactionTemplate readOnly;

    SearchQuery(JdbcClient jdbc, DocumentIndexes indexes, QueryWordsReader wordsReader, SearchProperties properties,
                PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.wordsReader = wordsReader;
        this.inMemory = properties.inMemory();
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    public record Hit(String kind, String key, String title, String body, String url) {
    }

    /** The hits to show and how many there are of each kind (by count, most first). */
    public record Result(Map<String, Integer> counts, List<Hit> hits) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** kind null: the best {@link #PER_KIND} of every kind; else page {@code page} of that kind. */
    public Result search(String typed, String language, String kind, int page) {
        return (inMemory ? searchInMemory(typed, language, kind, page) : Optional.<Result>empty())
                .orElseGet(() -> searchInDatabase(typed, language, kind, page));
    }

    /**
     * {@link #search} in memory: the words of a query asked before and the data version come from memory, else one
     * statement reads them (no set_config, no transaction); empty while another search builds the index.
     */
    Optional<Result> searchInMemory(String typed, String language, String kind, int page) {
        QueryWordsReader.Words read = wordsReader.read(QueryWords.translate(typed, language));
        return indexes.atLeast(read.dataVersion())
                .map(index -> index.search(index.read(read.words()), language, kind, Math.max(0, page) * PAGE_SIZE));
    }

    /** {@link #search} in PostgreSQL alone: the statement HITS. */
    Result searchInDatabase(String typed, String language, String kind, int page) {
        return readOnly.execute(status -> searchBySql(typed, language, kind, page));
    }

    private Result searchBySql(String typed, String language, String kind, int page) {
        String query = QueryWords.translate(typed, language);
        // a one-letter typo in a word of eight scores about 0.55 (as in the directory); the default is 0.6
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)").query(String.class).single();
        // counts and the hits shown in one statement: the candidates are found once, not once for each
        String shown = kind == null ? "r.n <= :perKind" : "r.kind = :kind AND r.n > :from AND r.n <= :to";
        int from = Math.max(0, page) * PAGE_SIZE;
        // most hits first, then by kind; each kind's hits in rank order
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Hit> hits = new ArrayList<>();
        jdbc.sql(HITS + """
                , counted AS (SELECT kind, count(*)::int AS hits FROM hits GROUP BY kind)
                SELECT c.kind, c.hits, r.key, r.title, r.body, r.url
                FROM counted c LEFT JOIN ranked r ON r.kind = c.kind AND SHOWN
                ORDER BY c.hits DESC, c.kind, r.n""".replace("SHOWN", shown))
                .param("q", query).param("language", language).param("perKind", PER_KIND)
                .param("kind", kind == null ? "" : kind).param("from", from).param("to", from + PAGE_SIZE)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("kind"), rs.getInt("hits"));
                    if (rs.getString("key") != null) {
                        hits.add(hit(rs));
                    }
                });
        return new Result(counts, hits);
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(rs.getString("kind"), rs.getString("key"), rs.getString("title"), rs.getString("body"), rs.getString("url"));
    }
}
