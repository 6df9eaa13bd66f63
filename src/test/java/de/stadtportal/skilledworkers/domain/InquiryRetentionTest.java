package de.stadtportal.skilledworkers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closed inquiries go when the retention period since closing has passed; nothing else goes. */
@PortalTest
class InquiryRetentionTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    AuditLog auditLog;

    @Autowired
    InquiryRetention retention;

    final String company = "Aufbewahrung " + UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM skilled_inquiry WHERE company = ?", company);
    }

    private long inquiry(String status, OffsetDateTime created, OffsetDateTime closed) {
        return jdbc.queryForObject("""
                INSERT INTO skilled_inquiry (company, contact_name, email, plan, residence, question, consent_text, status,
                                             token_hash, created_at, updated_at, closed_at)
                VALUES (?, 'Test', 'test@test.example', 'JOB', 'UNKNOWN', 'Frage', 'Einwilligung', ?, ?, ?, ?, ?) RETURNING id""",
                Long.class, company, status, UUID.randomUUID().toString().replace("-", "") + "0".repeat(32),
                created, created, closed);
    }

    private List<Long> remaining() {
        return jdbc.queryForList("SELECT id FROM skilled_inquiry WHERE company = ? ORDER BY id", Long.class, company);
    }

    @Test
    void closedLongerThanTwelveMonthsIsDeletedTheRestStays() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long expired = inquiry("CLOSED", now.minusMonths(20), now.minusMonths(13));
        long recentlyClosed = inquiry("CLOSED", now.minusMonths(20), now.minusMonths(11));
        long oldButOpen = inquiry("ANSWERED", now.minusMonths(30), null);

        List<Long> deleted = retention.deleteExpired();

        assertThat(deleted).contains(expired).doesNotContain(recentlyClosed, oldButOpen);
        assertThat(remaining()).containsExactly(recentlyClosed, oldButOpen);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' "
                + "AND entity_id = ? AND action = 'DELETED_AFTER_RETENTION'", Long.class, String.valueOf(expired))).isEqualTo(1);
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' AND entity_id = ?", String.valueOf(expired));
    }

    @Test
    void theJobCountsFromItsClockAndTheConfiguredPeriod() {
        Instant today = Instant.parse("2030-06-15T10:00:00Z");
        long closedSevenMonthsBefore = inquiry("CLOSED", OffsetDateTime.parse("2029-10-01T10:00:00Z"),
                OffsetDateTime.parse("2029-11-14T10:00:00Z"));
        long closedFiveMonthsBefore = inquiry("CLOSED", OffsetDateTime.parse("2029-12-01T10:00:00Z"),
                OffsetDateTime.parse("2030-01-16T10:00:00Z"));
        InquiryRetention sixMonths = new InquiryRetention(jdbcClient, auditLog,
                new SkilledWorkersProperties(6, 5, "-", 90, 14), Clock.fixed(today, ZoneOffset.UTC));

        assertThat(sixMonths.deleteExpired()).contains(closedSevenMonthsBefore).doesNotContain(closedFiveMonthsBefore);
        assertThat(remaining()).containsExactly(closedFiveMonthsBefore);
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' AND entity_id = ?",
                String.valueOf(closedSevenMonthsBefore));
    }
}
