package de.stadtportal.directory.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi.OpeningHours;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Weekly opening hours (split hours are two intervals a day) and dated exceptions of a listing. */
@Service
@Transactional
public class OpeningHoursService {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    OpeningHoursService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<OpeningHours> weekly(long businessId) {
        return jdbc.query("""
                SELECT day_of_week, opens, closes FROM opening_hours WHERE business_id = :id
                ORDER BY day_of_week, opens""", Map.of("id", businessId),
                (rs, i) -> new OpeningHours(rs.getInt("day_of_week"), rs.getObject("opens", LocalTime.class),
                        rs.getObject("closes", LocalTime.class)));
    }

    /** Exceptions from the given day on, by date. */
    @Transactional(readOnly = true)
    public List<OpeningException> exceptionsFrom(long businessId, LocalDate from) {
        return jdbc.query("""
                SELECT day, opens, closes, note FROM opening_exception WHERE business_id = :id AND day >= :from
                ORDER BY day""", new MapSqlParameterSource("id", businessId).addValue("from", from),
                (rs, i) -> new OpeningException(rs.getObject("day", LocalDate.class), rs.getObject("opens", LocalTime.class),
                        rs.getObject("closes", LocalTime.class), rs.getString("note")));
    }

    /** Replaces the weekly hours; the intervals must be valid (closes after opens, not overlapping). */
    public void replaceWeekly(long businessId, List<OpeningHours> hours, boolean byOwner) {
        List<OpeningHours> before = weekly(businessId);
        jdbc.update("DELETE FROM opening_hours WHERE business_id = :id", Map.of("id", businessId));
        for (OpeningHours interval : hours) {
            jdbc.update("""
                    INSERT INTO opening_hours (business_id, day_of_week, opens, closes)
                    VALUES (:id, :day, :opens, :closes)""", new MapSqlParameterSource("id", businessId)
                    .addValue("day", interval.dayOfWeek()).addValue("opens", interval.opens())
                    .addValue("closes", interval.closes()));
        }
        auditLog.record(Listings.ENTITY, businessId, "HOURS_CHANGED", Map.of("hours", text(before)),
                Map.of("hours", text(hours)));
        touched(businessId, byOwner);
    }

    /** Adds or replaces the exception of one day; without times the business is closed that day. */
    public void putException(long businessId, OpeningException exception, boolean byOwner) {
        jdbc.update("""
                INSERT INTO opening_exception (business_id, day, opens, closes, note) VALUES (:id, :day, :opens, :closes, :note)
                ON CONFLICT (business_id, day) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes,
                    note = EXCLUDED.note""", new MapSqlParameterSource("id", businessId)
                .addValue("day", exception.day()).addValue("opens", exception.opens())
                .addValue("closes", exception.closes()).addValue("note", exception.note() == null ? "" : exception.note().strip()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("day", exception.day());
        after.put("hours", exception.closed() ? "geschlossen" : exception.opens() + "–" + exception.closes());
        after.put("note", exception.note());
        auditLog.record(Listings.ENTITY, businessId, "EXCEPTION_SET", Map.of(), after);
        touched(businessId, byOwner);
    }

    public boolean removeException(long businessId, LocalDate day, boolean byOwner) {
        int removed = jdbc.update("DELETE FROM opening_exception WHERE business_id = :id AND day = :day",
                new MapSqlParameterSource("id", businessId).addValue("day", day));
        if (removed > 0) {
            auditLog.record(Listings.ENTITY, businessId, "EXCEPTION_REMOVED", Map.of("day", day), Map.of());
            touched(businessId, byOwner);
        }
        return removed > 0;
    }

    /** An owner's change of a published listing shows up in the staff's review list and confirms the data. */
    private void touched(long businessId, boolean byOwner) {
        if (byOwner) {
            jdbc.update("""
                    UPDATE business SET last_confirmed_at = now(), reminder_sent_at = NULL,
                           owner_changed_at = CASE WHEN status = 'PUBLISHED' THEN now() ELSE owner_changed_at END
                    WHERE id = :id""", Map.of("id", businessId));
        }
    }

    private static String text(List<OpeningHours> hours) {
        return String.join(", ", hours.stream().map(h -> h.dayOfWeek() + ": " + h.opens() + "–" + h.closes()).toList());
    }

    /** A dated exception; opens and closes are both null when the business is closed all day. */
    public record OpeningException(LocalDate day, LocalTime opens, LocalTime closes, String note) {

        public boolean closed() {
            return opens == null;
        }
    }
}
