package de.stadtportal.search.domain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import de.stadtportal.platform.database.PublicDataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the one {@link DocumentIndex} of the newest public data version ({@link PublicDataVersion}, advanced at the
 * commit of every write to search_document, so a search that read a number never gets documents older than it).
 * Built by the first search that finds it older than the number it read, in a transaction of its own that reads
 * the number and the rows in one snapshot; searches meanwhile ask PostgreSQL as before instead of waiting (a
 * waiting request would hold its pooled connection). As the directory's BusinessIndexes.
 */
@Component
class DocumentIndexes {

    private static final Logger log = LoggerFactory.getLogger(DocumentIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ReentrantLock building = new ReentrantLock();
    private volatile DocumentIndex kept;
    /** The data version whose index could not be built (not tried again until the data change). */
    private volatile long failedAt = Long.MIN_VALUE;

    DocumentIndexes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The index as of {@code dataVersion} or later; empty while another search builds it or after it failed. */
    Optional<DocumentIndex> atLeast(long dataVersion) {
        DocumentIndex index = kept;
        if (index != null && index.dataVersion >= dataVersion) {
            return Optional.of(index);
        }
        if (dataVersion <= failedAt || !building.tryLock()) {
            return Optional.empty();
        }
        try {
            index = kept;
            if (index == null || index.dataVersion < dataVersion) {
                // the old index goes first: two need not fit the heap at once (searches meanwhile ask PostgreSQL)
                kept = null;
                long start = System.nanoTime();
                index = snapshot.execute(status -> load());
                kept = index;
                log.debug("Search document index of data version {} ({} documents) built in {} ms", index.dataVersion, index.size,
                        (System.nanoTime() - start) / 1_000_000);
            }
            return Optional.of(index);
        } catch (RuntimeException e) {
            // searches go on in PostgreSQL; the next change of data tries again
            failedAt = dataVersion;
            log.warn("Search document index of data version {} not built, searching in PostgreSQL: {}", dataVersion, e.toString());
            return Optional.empty();
        } finally {
            building.unlock();
        }
    }

    private DocumentIndex load() {
        // the version of this snapshot, whether pg_trgm takes only ASCII letters for word characters (where LC_CTYPE
        // is C, as in the embedded database) and the kinds in the database's order, in one round trip
        DocumentIndex.Builder[] index = {null};
        jdbc.sql("SELECT " + PublicDataVersion.IN_SNAPSHOT + " AS version, word_similarity('ä', 'ä b') = 0 AS ascii_words,"
                        + " ARRAY(SELECT DISTINCT kind FROM search_document ORDER BY kind) AS kinds")
                .query(rs -> {
                    index[0] = new DocumentIndex.Builder(rs.getLong("version"), rs.getBoolean("ascii_words"),
                            List.of((String[]) rs.getArray("kinds").getArray()));
                });
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
