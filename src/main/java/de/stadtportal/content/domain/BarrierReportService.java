package de.stadtportal.content.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback on barriers (BITV NRW § 7): visitors report what they could not use; staff answer by mail
 * (through the outbox) and close the case. The contact is erased {@code retention} after closing,
 * since its only purpose is the answer. Reports are limited per client address.
 */
@Service
@Transactional
public class BarrierReportService {

    static final long CLEANUP_LOCK_KEY = 4_711_081L;

    public static final String ENTITY = "Barriere-Meldung";

    public enum Status { NEW, IN_PROGRESS, ANSWERED, CLOSED }

    public record Report(long id, String description, String location, String contactName, String contactEmail,
                         Status status, String answer, ZonedDateTime answeredAt, ZonedDateTime createdAt, long version) {
    }

    /** Someone else saved the report meanwhile. */
    public static class StaleReportException extends RuntimeException {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final RateLimiter limiter;
    private final Duration retention;

    BarrierReportService(JdbcClient jdbc, Clock clock, AuditLog auditLog, MailOutbox outbox, MessageSource messages,
                         @Value("${portal.accessibility.reports-per-hour:5}") int perHour,
                         @Value("${portal.accessibility.contact-retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.messages = messages;
        this.limiter = new RateLimiter(perHour, Duration.ofHours(1));
        this.retention = retention;
    }

    /** Takes one report from this address, or false when it has sent too many this hour. */
    public boolean allow(String address) {
        return limiter.tryAcquire(address);
    }

    public long submit(String description, String location, String contactName, String contactEmail) {
        return jdbc.sql("""
                INSERT INTO barrier_report (description, location, contact_name, contact_email, created_at)
                VALUES (:description, :location, :name, :email, :now) RETURNING id""")
                .param("description", clean(description).strip()).param("location", clean(blankToEmpty(location)))
                .param("name", blankToNull(clean(contactName))).param("email", blankToNull(clean(contactEmail)))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Report> list(Status status) {
        return jdbc.sql("SELECT * FROM barrier_report WHERE (:status = '' OR status = :status)"
                        + " ORDER BY status = 'CLOSED', created_at DESC, id DESC LIMIT 500")
                .param("status", status == null ? "" : status.name()).query(BarrierReportService::report).list();
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(long id) {
        return jdbc.sql("SELECT * FROM barrier_report WHERE id = :id").param("id", id).query(BarrierReportService::report).optional();
    }

    /**
     * Sets the status and, when an answer is given and the reporter left an address, mails it (once per
     * text). Returns false for an unknown report; throws {@link StaleReportException} on a stale version.
     */
    public boolean update(long id, long version, Status status, String answer, Locale locale) {
        Report before = find(id).orElse(null);
        if (before == null) {
            return false;
        }
        if (before.version() != version) {
            throw new StaleReportException();
        }
        String text = blankToNull(clean(answer));
        boolean send = text != null && before.contactEmail() != null && !text.equals(before.answer());
        Status next = send && status == Status.NEW ? Status.ANSWERED : status;
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE barrier_report SET status = :status, answer = :answer,
                    answered_at = CASE WHEN :send THEN :now ELSE answered_at END,
                    closed_at = CASE WHEN :status = 'CLOSED' THEN coalesce(closed_at, :now) ELSE NULL END,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", next.name()).param("answer", text).param("send", send).param("now", Timestamp.from(now))
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new StaleReportException();
        }
        if (send) {
            outbox.queue(before.contactEmail(), messages.getMessage("content.barrier.mail.subject", null, locale),
                    messages.getMessage("content.barrier.mail.body", new Object[] {before.description(), text}, locale));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", next.name());
        after.put("answered", send);
        auditLog.record(ENTITY, id, "UPDATED", Map.of("status", before.status().name()), after);
        return true;
    }

    /**
     * Erases name and e-mail of cases closed longer than the retention: their only purpose was the
     * answer. Several instances may run this: an advisory lock lets one of them do it.
     */
    @Scheduled(cron = "${portal.accessibility.cleanup-cron:0 30 3 * * *}", zone = "Europe/Berlin")
    public int forgetContacts() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", CLEANUP_LOCK_KEY)
                .query(Boolean.class).single())) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE barrier_report SET contact_name = NULL, contact_email = NULL
                WHERE status = 'CLOSED' AND closed_at < :before AND (contact_name IS NOT NULL OR contact_email IS NOT NULL)""")
                .param("before", Timestamp.from(clock.instant().minus(retention))).update();
    }

    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("SELECT count(*) FROM barrier_report WHERE status IN ('NEW', 'IN_PROGRESS')").query(Long.class).single();
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getString("description"), rs.getString("location"), rs.getString("contact_name"),
                rs.getString("contact_email"), Status.valueOf(rs.getString("status")), rs.getString("answer"),
                rs.getTimestamp("answered_at") == null ? null : PlatformConfiguration.cityTime(rs, "answered_at"),
                PlatformConfiguration.cityTime(rs, "created_at"), rs.getLong("version"));
    }

    /** Control characters (NUL included, which PostgreSQL refuses) are dropped; line breaks and tabs stay. */
    static String clean(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
