package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day: inquiries closed longer ago than the configured period (default 12 months) are deleted,
 * because their purpose has ended. Several instances may run this: an advisory lock lets one do it.
 */
@Component
public class InquiryRetention {

    private static final long LOCK_KEY = 4_711_051L;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final SkilledWorkersProperties settings;
    private final Clock clock;

    InquiryRetention(JdbcClient jdbc, AuditLog auditLog, SkilledWorkersProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.skilled-workers.retention-cron:0 30 3 * * *}", zone = "Europe/Berlin")
    // the transaction (and with it the advisory lock) must span the whole run: the call below stays inside
    // this bean and would not pass through the proxy's @Transactional
    @Transactional
    void deleteDaily() {
        deleteExpired();
    }

    /** @return the ids of the deleted inquiries */
    @Transactional
    public List<Long> deleteExpired() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
            return List.of();
        }
        OffsetDateTime before = OffsetDateTime.now(clock).minusMonths(settings.inquiryRetentionMonths());
        List<Long> deleted = jdbc.sql("""
                        DELETE FROM skilled_inquiry WHERE status = 'CLOSED' AND closed_at < ? RETURNING id""")
                .param(before).query(Long.class).list();
        for (Long id : deleted) {
            auditLog.record(InquiryService.ENTITY, id, "DELETED_AFTER_RETENTION", Map.of("status", "CLOSED"), Map.of());
        }
        return deleted;
    }
}
