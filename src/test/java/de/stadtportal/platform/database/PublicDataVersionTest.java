package de.stadtportal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data version in memory follows every commit that changes public data, also one made by another
 * instance or tool (here: plain SQL on another connection), and falls back to reading the table while
 * its connection is gone. The rest of the suite reads per request (application-test.yml).
 */
@PortalTest
class PublicDataVersionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    PublicDataVersion listening;

    @BeforeEach
    void listen() {
        listening = new PublicDataVersion(dataSource, jdbc, true);
        listening.start();
        await(listening::isListening);
    }

    @AfterEach
    void stop() {
        listening.stop();
    }

    @Test
    void aCommittedChangeReachesTheNumberInMemoryAndAReadOnlyOneDoesNot() {
        long before = listening.current().getAsLong();
        assertThat(before).isEqualTo(stored());

        jdbc.sql("SELECT count(*) FROM district").query(Long.class).single();
        touchADistrict();

        await(() -> listening.current().getAsLong() > before);
        assertThat(listening.current().getAsLong()).isEqualTo(stored());
        assertThat(listening.isListening()).isTrue();
    }

    @Test
    void withoutItsConnectionItReadsTheTableAndThenListensAgain() {
        long listeners = jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'stadtportal data-version listener'")
                .query(Boolean.class).list().stream().filter(Boolean::booleanValue).count();
        assertThat(listeners).isPositive();
        await(() -> !listening.isListening());

        touchADistrict();
        // while it reconnects, each call reads the table: never an old number
        assertThat(listening.current().getAsLong()).isEqualTo(stored());

        await(listening::isListening);
        long before = listening.current().getAsLong();
        touchADistrict();
        await(() -> listening.current().getAsLong() > before);
        assertThat(listening.current().getAsLong()).isEqualTo(stored());
    }

    @Test
    void stoppedItReadsTheTable() {
        listening.stop();
        assertThat(listening.isListening()).isFalse();
        touchADistrict();
        assertThat(listening.current().getAsLong()).isEqualTo(stored());
    }

    private void touchADistrict() {
        assertThat(jdbc.sql("UPDATE district SET name = name WHERE id = (SELECT min(id) FROM district)").update())
                .isEqualTo(1);
    }

    private long stored() {
        return jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", PATIENCE).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
