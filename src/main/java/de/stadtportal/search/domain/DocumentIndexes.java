package de.stadtportal.search.domain;

import java.util.List;
import java.util.Optional;

import de.stadtportal.platform.database.BuiltPerDataVersion;
import de.stadtportal.platform.database.PublicDataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the one {@link DocumentIndex} of the newest public data version ({@link BuiltPerDataVersion}: built by the
 * first search that finds it older, searches meanwhile ask PostgreSQL) and reads it in one snapshot. As the
 * directory's BusinessIndexes.
 */
@Component
class DocumentIndexes {

    private final JdbcClient jdbc;
    private final int maxDocuments;
    private final BuiltPerDataVersion<DocumentIndex> kept;

    DocumentIndexes(JdbcClient jdbc, PlatformTransactionManager transactions, SearchProperties properties) {
        this.jdbc = jdbc;
        this.maxDocuments = properties.inMemoryDocuments();
        this.kept = new BuiltPerDataVersion<>("Search index of the portal-wide search", transactions, this::load, index -> index.dataVersion);
    }

    /** The index as of {@code dataVersion} or later; empty while another search builds it or after it failed. */
    Optional<DocumentIndex> atLeast(long dataVersion) {
        return kept.atLeast(dataVersion);
    }

    private DocumentIndex load() {
        // the version of this snapshot, whether pg_trgm takes only ASCII letters for word characters (where LC_CTYPE
        // is C, as in the embedded database) and the kinds in the database's order, in one round trip
        DocumentIndex.Builder[] index = {null};
        long[] documents = {0};
        jdbc.sql("SELECT " + PublicDataVersion.IN_SNAPSHOT + " AS version, word_similarity('ä', 'ä b') = 0 AS ascii_words,"
                        + " ARRAY(SELECT DISTINCT kind FROM search_document ORDER BY kind) AS kinds,"
                        + " (SELECT count(*) FROM search_document) AS documents")
                .query(rs -> {
                    documents[0] = rs.getLong("documents");
                    index[0] = new DocumentIndex.Builder(rs.getLong("version"), rs.getBoolean("ascii_words"),
                            List.of((String[]) rs.getArray("kinds").getArray()));
                });
        if (documents[0] > maxDocuments) {
            // more would crowd the heap (a hundred thousand businesses are two hundred thousand documents)
            throw new IllegalStateException(documents[0] + " documents, more than portal.search.in-memory-documents ("
                    + maxDocuments + ")");
        }
        // read in portions (a cursor: this runs in a transaction), not every row's text at once; in the order the
        // statement breaks ties in (title, key), in the database's collation
        jdbc.sql("SELECT kind, key, language, title, body, url, title_folded, search_vector::text AS search_vector"
                        + " FROM search_document ORDER BY title, key, kind, language")
                .withFetchSize(2000)
                .query(rs -> {
                    index[0].add(rs.getString("kind"), rs.getString("key"), rs.getString("language"), rs.getString("title"),
                            rs.getString("body"), rs.getString("url"), rs.getString("title_folded"), rs.getString("search_vector"));
                });
        return index[0].build();
    }
}
