package de.stadtportal.search.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal-wide search in PostgreSQL: German full text over folded title and text (umlauts and ß
 * either way), trigram word similarity on the title for typos ("Sprechtak"), title weighing more
 * than text. Without a kind it returns the best few hits of every kind; with one, a page of that kind.
 */
@Service
@Transactional(readOnly = true)
public class SearchQuery {

    public static final int PER_KIND = 5;
    public static final int PAGE_SIZE = 20;
    /** Candidates looked at per search; nobody pages further, a more precise query helps instead. */
    public static final int MAX_CANDIDATES = 1000;
    public static final int MAX_PAGES = MAX_CANDIDATES / PAGE_SIZE;

    private static final String HITS = """
            WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('german', portal_fold(:q)) AS tsq, portal_fold(:q) AS folded),
            hits AS MATERIALIZED (
                SELECT d.kind, d.key, d.title, d.body, d.url, d.updated,
                       ts_rank(d.search_vector, (SELECT tsq FROM q)) * 2
                       + word_similarity((SELECT folded FROM q), d.title_folded) AS rank
                FROM search_document d
                WHERE (d.search_vector @@ (SELECT tsq FROM q) OR (SELECT folded FROM q) <% d.title_folded)
                  AND (d.language = :language OR (d.language = 'de' AND NOT EXISTS (
                        SELECT 1 FROM search_document t WHERE t.kind = d.kind AND t.key = d.key AND t.language = :language)))
                LIMIT MAX_CANDIDATES),
            ranked AS (
                SELECT hits.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, title, key) AS n FROM hits)
            """.replace("MAX_CANDIDATES", Integer.toString(MAX_CANDIDATES));

    private final JdbcClient jdbc;

    SearchQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    public Result search(String query, String language, String kind, int page) {
        // a one-letter typo in a word of eight scores about 0.55 (as in the directory); the default is 0.6
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)").query(String.class).single();
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(HITS + "SELECT kind, count(*) AS hits FROM hits GROUP BY kind ORDER BY count(*) DESC, kind")
                .param("q", query).param("language", language)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("kind"), rs.getInt("hits"));
                });
        if (counts.isEmpty()) {
            return new Result(counts, List.of());
        }
        String select = HITS + "SELECT kind, key, title, body, url FROM ranked WHERE ";
        List<Hit> hits;
        if (kind == null) {
            hits = jdbc.sql(select + "n <= :perKind ORDER BY kind, n").param("q", query).param("language", language)
                    .param("perKind", PER_KIND).query(SearchQuery::hit).list();
        } else {
            int from = Math.max(0, page) * PAGE_SIZE;
            hits = jdbc.sql(select + "kind = :kind AND n > :from AND n <= :to ORDER BY n").param("q", query)
                    .param("language", language).param("kind", kind).param("from", from).param("to", from + PAGE_SIZE)
                    .query(SearchQuery::hit).list();
        }
        return new Result(counts, hits);
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(rs.getString("kind"), rs.getString("key"), rs.getString("title"), rs.getString("body"), rs.getString("url"));
    }
}
