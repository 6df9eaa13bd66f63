package de.stadtportal.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Tests start many Spring contexts
 * in one JVM; they all share the one server instead of starting a server each. The server
 * stops with the JVM (zonky registers a shutdown hook). {@link EmbeddedDatabaseEarlyStart} starts it
 * on a thread of its own before the context is built, so that initdb and the server's start run
 * beside the context's start instead of before Flyway; {@link #forDirectory} then waits for it.
 */
final class EmbeddedDatabaseServer {

    static final String USER = "postgres";
    static final String DATABASE = "stadtportal";
    private static final String TEMPORARY = "";
    /**
     * zonky gives up after 10 s; the server now starts beside the context's start, and on a busy machine
     * (a shared 2-core build host) that took longer and failed the whole start.
     */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);
    private static final Map<String, CompletableFuture<EmbeddedDatabaseServer>> servers = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The server of this data directory, started now unless {@link #startInBackground} began it already
     * (then this waits for it). A start that failed is tried again by the next call.
     * @param dataDirectory where the data stays between runs; blank for a throw-away database
     */
    static EmbeddedDatabaseServer forDirectory(String dataDirectory) {
        String key = key(dataDirectory);
        CompletableFuture<EmbeddedDatabaseServer> server = servers.computeIfAbsent(key, EmbeddedDatabaseServer::startNow);
        try {
            return server.join();
        } catch (CompletionException e) {
            servers.remove(key, server);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Begins to start the server of this data directory on a thread of its own, unless it runs or starts already. */
    static void startInBackground(String dataDirectory) {
        servers.computeIfAbsent(key(dataDirectory), key -> CompletableFuture.supplyAsync(() -> start(key), task -> {
            Thread thread = new Thread(task, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Whether the server of this data directory runs or is starting (for the tests). */
    static boolean isStartedOrStarting(String dataDirectory) {
        return servers.containsKey(key(dataDirectory));
    }

    private static String key(String dataDirectory) {
        return dataDirectory == null || dataDirectory.isBlank()
                ? TEMPORARY : Path.of(dataDirectory).toAbsolutePath().normalize().toString();
    }

    private static CompletableFuture<EmbeddedDatabaseServer> startNow(String key) {
        try {
            return CompletableFuture.completedFuture(start(key));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    private static EmbeddedDatabaseServer start(String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (!TEMPORARY.equals(dataDirectory)) {
                Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
                log.info("Starting embedded PostgreSQL with data in {}", directory);
            } else {
                log.info("Starting embedded PostgreSQL with a temporary database");
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabaseServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDirectory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }
}
