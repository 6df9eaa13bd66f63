package de.stadtportal.search;

import java.util.List;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.stadtportal.platform.database.PublicDataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A query's words as PostgreSQL folds and stems them ({@link QueryWords#read}) with the public data version, for the
 * in-memory matchers of the directory and of /suche. How a query splits and stems never depends on the data, so the
 * words of a query asked before are kept and such a search costs no round trip; the number comes from
 * {@link PublicDataVersion} (from memory while it listens).
 */
@Component
public class QueryWordsReader {

    /** Queries whose words are kept; a query is at most a few hundred characters. */
    private static final int QUERIES_KEPT = 10_000;

    private final JdbcClient jdbc;
    private final PublicDataVersion publicData;
    private final Cache<String, List<QueryWords.Word>> wordsByQuery = Caffeine.newBuilder().maximumSize(QUERIES_KEPT).build();

    QueryWordsReader(JdbcClient jdbc, PublicDataVersion publicData) {
        this.jdbc = jdbc;
        this.publicData = publicData;
    }

    /** The words of a query (already {@link QueryWords#translate translated}) and the data version to match them at. */
    public record Words(long dataVersion, List<QueryWords.Word> words) {
    }

    public Words read(String query) {
        OptionalLong version = publicData.current();
        if (version.isPresent()) {
            return new Words(version.getAsLong(), wordsByQuery.get(query, q -> QueryWords.read(jdbc, q).words()));
        }
        // the number could not be had alone: read it with the words, as in one statement before
        QueryWords.Read read = QueryWords.read(jdbc, query, PublicDataVersion.IN_SNAPSHOT);
        wordsByQuery.put(query, read.words());
        return new Words(read.numbers()[0], read.words());
    }
}
