package de.stadtportal.directory.domain;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Daten veraltet?": visitors tell staff that a listing is out of date. Limited per client
 * address (in memory per instance, {@link RateLimiter}) so the form cannot flood the staff's list.
 */
@Service
@Transactional
public class ReportService {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final RateLimiter limiter;

    ReportService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog, DirectoryProperties settings) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.limiter = new RateLimiter(settings.reportsPerHour(), Duration.ofHours(1));
    }

    /** Takes one report from this address, or false when it has sent too many this hour. */
    public boolean allow(String address) {
        return limiter.tryAcquire(address);
    }

    /** Stores a report about a published listing; nothing else about the reporter is kept. */
    public void report(long businessId, String message, String reporterEmail) {
        jdbc.update("""
                INSERT INTO business_report (business_id, message, reporter_email) VALUES (:id, :message, :email)""",
                new MapSqlParameterSource("id", businessId).addValue("message", message.strip())
                        .addValue("email", reporterEmail == null || reporterEmail.isBlank() ? null : reporterEmail.strip()));
    }

    @Transactional(readOnly = true)
    public List<Report> open() {
        return jdbc.query("""
                SELECT r.id, r.business_id, b.name, b.slug, r.message, r.reporter_email, r.created_at
                FROM business_report r JOIN business b ON b.id = r.business_id
                WHERE r.resolved_at IS NULL ORDER BY r.created_at, r.id LIMIT 500""", Map.of(),
                (rs, i) -> new Report(rs.getLong("id"), rs.getLong("business_id"), rs.getString("name"),
                        rs.getString("slug"), rs.getString("message"), rs.getString("reporter_email"),
                        PlatformConfiguration.cityTime(rs, "created_at")));
    }

    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.queryForObject("SELECT count(*) FROM business_report WHERE resolved_at IS NULL", Map.of(), Long.class);
    }

    /** @return false when there is no such open report */
    public boolean resolve(long reportId, String staffEmail) {
        List<Long> business = jdbc.queryForList("""
                UPDATE business_report SET resolved_at = now(), resolved_by = :by WHERE id = :id AND resolved_at IS NULL
                RETURNING business_id""", new MapSqlParameterSource("id", reportId).addValue("by", staffEmail), Long.class);
        if (business.isEmpty()) {
            return false;
        }
        auditLog.record(Listings.ENTITY, business.get(0), "REPORT_RESOLVED", Map.of(), Map.of("report", reportId));
        return true;
    }

    public record Report(long id, long businessId, String businessName, String slug, String message, String reporterEmail,
                         ZonedDateTime createdAt) {
    }
}
