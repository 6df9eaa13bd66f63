package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.platform.database.PublicDataVersion;
import de.stadtportal.directory.domain.BusinessIndex.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the one {@link BusinessIndex} of the newest data version (platform's {@link PublicDataVersion}, advanced at the
 * commit of every change, so a reader that saw a number never gets data older than it). The index is built
 * by the first search that finds it older than the number it read, in a transaction of its own that reads
 * the number and the rows in one snapshot; searches meanwhile ask PostgreSQL as before instead of waiting
 * (a waiting request would hold its pooled connection).
 */
@Component
class BusinessIndexes {

    private static final Logger log = LoggerFactory.getLogger(BusinessIndexes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ReentrantLock building = new ReentrantLock();
    private volatile BusinessIndex kept;
    /** The data version whose index could not be built (not tried again until the data change). */
    private volatile long failedAt = Long.MIN_VALUE;

    BusinessIndexes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The index as of {@code dataVersion} or later; empty while another search builds it. */
    Optional<BusinessIndex> atLeast(long dataVersion) {
        BusinessIndex index = kept;
        if (index != null && index.dataVersion >= dataVersion) {
            return Optional.of(index);
        }
        if (dataVersion <= failedAt || !building.tryLock()) {
            return Optional.empty();
        }
        try {
            index = kept;
            if (index == null || index.dataVersion < dataVersion) {
                // the old index goes first: two of a large directory need not fit the heap at once (searches
                // meanwhile ask PostgreSQL)
                kept = null;
                long start = System.nanoTime();
                index = snapshot.execute(status -> load());
                kept = index;
                log.debug("Search index of data version {} ({} businesses) built in {} ms", index.dataVersion, index.size,
                        (System.nanoTime() - start) / 1_000_000);
            }
            return Optional.of(index);
        } catch (RuntimeException e) {
            // searches go on in PostgreSQL; the next change of data tries again
            failedAt = dataVersion;
            log.warn("Search index of data version {} not built, searching in PostgreSQL: {}", dataVersion, e.toString());
            return Optional.empty();
        } finally {
            building.unlock();
        }
    }

    private BusinessIndex load() {
        // the version of this snapshot, and whether pg_trgm takes only ASCII letters for word characters (where
        // LC_CTYPE is C, as in the embedded database), in one round trip
        long[] version = {0};
        boolean[] asciiWords = {false};
        jdbc.sql("SELECT " + PublicDataVersion.IN_SNAPSHOT + " AS version, word_similarity('ä', 'ä b') = 0 AS ascii_words")
                .query(rs -> {
                    version[0] = rs.getLong("version");
                    asciiWords[0] = rs.getBoolean("ascii_words");
                });
        StringBuilder attributes = new StringBuilder();
        for (BusinessAttribute attribute : BusinessAttribute.values()) {
            attributes.append(", b.").append(attribute.column()); // fixed column names only
        }
        BusinessIndex.Builder index = new BusinessIndex.Builder(version[0], asciiWords[0]);
        // read in portions (a cursor: this runs in a transaction), not every row's text at once
        jdbc.sql("SELECT b.id, b.category_id, coalesce(b.district_id, 0) AS district_id,"
                        + " (b.latitude IS NOT NULL AND b.longitude IS NOT NULL) AS located, b.name_folded,"
                        + " tsvector_to_array(b.name_vector) AS name_lexemes, b.search_vector::text AS search_vector" + attributes
                        + " FROM business b WHERE b.status = 'PUBLISHED' ORDER BY b.name, b.id")
                .withFetchSize(2000)
                .query(rs -> {
                    int bits = 0;
                    for (BusinessAttribute attribute : BusinessAttribute.values()) {
                        if (rs.getBoolean(attribute.column())) {
                            bits |= 1 << attribute.ordinal();
                        }
                    }
                    index.add(rs.getLong("id"), rs.getLong("category_id"), rs.getLong("district_id"), bits,
                            rs.getBoolean("located"), rs.getString("name_folded"),
                            (String[]) rs.getArray("name_lexemes").getArray(), rs.getString("search_vector"));
                });
        return index.build(places("category"), places("district"));
    }

    private List<Place> places(String table) {
        return jdbc.sql("SELECT id, slug, portal_fold(name) AS folded FROM " + table)
                .query((rs, i) -> new Place(rs.getLong("id"), rs.getString("slug"), rs.getString("folded")))
                .list();
    }
}
