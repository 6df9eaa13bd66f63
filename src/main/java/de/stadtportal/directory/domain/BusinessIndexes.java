package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Optional;

import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.platform.database.BuiltPerDataVersion;
import de.stadtportal.platform.database.PublicDataVersion;
import de.stadtportal.directory.domain.BusinessIndex.Place;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the one {@link BusinessIndex} of the newest public data version ({@link BuiltPerDataVersion}: built by the
 * first search that finds it older, searches meanwhile ask PostgreSQL) and reads it in one snapshot.
 */
@Component
class BusinessIndexes {

    private final JdbcClient jdbc;
    private final BuiltPerDataVersion<BusinessIndex> kept;

    BusinessIndexes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.kept = new BuiltPerDataVersion<>("Search index of the directory", transactions, this::load, index -> index.dataVersion);
    }

    /** The index as of {@code dataVersion} or later; empty while another search builds it or after it failed. */
    Optional<BusinessIndex> atLeast(long dataVersion) {
        return kept.atLeast(dataVersion);
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
