package de.stadtportal.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The number that says "public data changed" (table {@code data_version}, advanced at the commit of
 * every change to public data by any instance or tool; V75). Pages kept for anonymous visitors are keyed
 * by it, so it is needed on every request: reading it from PostgreSQL each time was a round trip per
 * kept page, the larger part of such a request's cost and a wait on another process when the cores are
 * busy. So one connection per instance listens: the trigger notifies {@code data_version} with the new
 * number at the commit (V94), and {@link #current()} answers from memory.
 * <p>A number from memory is never newer than the committed data (the notice comes after the commit), so
 * a page read after it shows at least that version. While the listening connection is down (PostgreSQL
 * restarting) every call reads the table again, as before. With {@code portal.data-version.listen=false}
 * every call reads the table: the tests, which change data and read a page in the next statement, use
 * that, because a notice arrives a moment after the commit. A number read from the table is kept for the rest of
 * the request bound to the thread ({@link RequestContextHolder}), so a page's callers (the ETag, the Seitentexte)
 * cost one query, not one each.
 * <p>Not to be confused with the features' own version sequences ({@link de.stadtportal.platform.versions.DataVersion}),
 * which key their in-memory read models and advance only with their own tables.
 */
@Component
public class PublicDataVersion implements SmartLifecycle {

    static final String CHANNEL = "data_version";
    /**
     * SQL for the data version as the reading statement's snapshot sees it, for features that keep something per
     * version and must read the number with their rows (the notice may still be on its way).
     */
    public static final String IN_SNAPSHOT = "(SELECT version FROM data_version)";
    private static final Logger log = LoggerFactory.getLogger(PublicDataVersion.class);
    /** How long one wait for notices lasts; after it the number is read again, in case one was missed. */
    private static final int WAIT_MILLIS = 10_000;
    /** Request attribute: the number read from the table in this request while not listening. */
    private static final String READ_IN_REQUEST = PublicDataVersion.class.getName() + ".read";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean listen;
    private final AtomicLong known = new AtomicLong();
    /** True while the listening connection is up and {@link #known} is current. */
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    public PublicDataVersion(DataSource dataSource, JdbcClient jdbc, @Value("${portal.data-version.listen:true}") boolean listen) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.listen = listen;
    }

    /** The current data version, or empty when the database cannot be reached. */
    public OptionalLong current() {
        if (listening) {
            return OptionalLong.of(known.get());
        }
        // at most one query per request: its callers agree on one number, and it is never newer than the data read
        // after it; outside a request every call reads the table
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Long kept) {
            return OptionalLong.of(kept);
        }
        try {
            long read = jdbc.sql("SELECT " + IN_SNAPSHOT).query(Long.class).single();
            if (request != null) {
                request.setAttribute(READ_IN_REQUEST, read, RequestAttributes.SCOPE_REQUEST);
            }
            return OptionalLong.of(read);
        } catch (DataAccessException e) {
            log.debug("No data version: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }

    /**
     * {@link #current()} for a filter that runs before Spring binds the request to the thread (the HTTP cache's):
     * a number read from the table is kept in the request itself, where {@link #current()} finds it later in
     * the same request, so the page is read at the version its ETag names and costs no second query.
     */
    public OptionalLong current(HttpServletRequest request) {
        if (listening) {
            return OptionalLong.of(known.get());
        }
        if (request.getAttribute(READ_IN_REQUEST) instanceof Long kept) {
            return OptionalLong.of(kept);
        }
        OptionalLong read = current();
        read.ifPresent(version -> request.setAttribute(READ_IN_REQUEST, version));
        return read;
    }

    /** Whether {@link #current()} answers from memory (no query), current with every commit's notice. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        if (!listen || running) {
            return;
        }
        running = true;
        listener = new Thread(this::listenWhileRunning, "data-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close(); // ends the wait for notices at once
            } catch (SQLException e) {
                log.debug("Closing the listening connection: {}", e.getMessage());
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        long pause = 500;
        while (running) {
            try (Connection open = openConnection()) {
                connection = open;
                open.setAutoCommit(true);
                try (Statement statement = open.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                read(open); // after LISTEN: no change can fall between the two
                listening = true;
                pause = 500;
                PGConnection notices = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notices.getNotifications(WAIT_MILLIS);
                    if (arrived == null || arrived.length == 0) {
                        read(open);
                        continue;
                    }
                    for (PGNotification notice : arrived) {
                        advanceTo(notice.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Listening for data changes stopped, reading the number per request until it is back: {}",
                            e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void read(Connection open) throws SQLException {
        try (Statement statement = open.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM data_version")) {
            if (row.next()) {
                known.accumulateAndGet(row.getLong(1), Math::max);
            }
        }
    }

    private void advanceTo(String payload) {
        try {
            known.accumulateAndGet(Long.parseLong(payload), Math::max);
        } catch (NumberFormatException e) {
            log.warn("A data_version notice without a number: {}", payload);
        }
    }

    /** A connection of its own, outside the pool, so that the pages keep all pooled ones. */
    private Connection openConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "stadtportal data-version listener");
            // a database that vanished without closing the connection ends the wait too (longer than WAIT_MILLIS)
            properties.setProperty("socketTimeout", "30");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }
}
