package de.stadtportal.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two instances run the daily reminder at the same moment: the owner gets one mail. The scheduled
 * method must hold the advisory lock for the whole run, so it has to run in the transaction itself
 * (a call from inside the bean would skip the proxy and lock for one statement only).
 */
@PortalTest
class ConfirmationReminderTest {

    @Autowired
    ConfirmationReminder reminder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String slug = "test-erinnerung-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        if (accounts != null) {
            accounts.deleteAll();
        }
    }

    @Test
    void twoInstancesRunningTheScheduledReminderAtOnceMailTheOwnerOnce() throws Exception {
        accounts = new TestAccounts(jdbc, encoder);
        String owner = accounts.create("BUSINESS", "Erinnerung am Morgen 2026");
        long listing = TestListings.ownedBy(jdbc, owner, slug, "Erinnerungsbetrieb", "handwerk", "Hochstraße 3", "PUBLISHED");
        jdbc.update("UPDATE business SET last_confirmed_at = now() - interval '3 years', reminder_sent_at = NULL WHERE id = ?", listing);

        try (Connection other = dataSource.getConnection()) {
            // someone else holds the listing's row: the first run stops at its own update, in the middle of its run
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM business WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, listing);
                lock.executeQuery().close();
            }
            CompletableFuture<Void> first = CompletableFuture.runAsync(reminder::remindDaily);
            waitUntilAnUpdateOfBusinessWaits();
            CompletableFuture<Void> second = CompletableFuture.runAsync(reminder::remindDaily);
            try {
                second.get(5, TimeUnit.SECONDS); // the lock is taken: the second run ends at once
            } catch (TimeoutException stillRunning) {
                // without the lock it waits at the same update, having mailed already; it ends below
            }
            other.rollback();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ? AND body LIKE '%Erinnerungsbetrieb%'",
                Integer.class, owner)).isEqualTo(1);
    }

    private void waitUntilAnUpdateOfBusinessWaits() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Integer waiting = jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE business SET reminder_sent_at%'""", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the first run never reached its update");
    }
}
