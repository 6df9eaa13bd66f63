package de.stadtportal.events.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff upkeep of the Digitalisierungssprechtag beyond creating things: experts with an optional e-mail
 * address, each expert's bookings, and deleting days and experts that nobody has booked.
 */
@Service
@Transactional
public class ConsultationStaffService {

    public static final int MAX_EMAIL = 320;

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final DirectoryApi directory;

    ConsultationStaffService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.directory = directory;
    }

    public enum DeleteResult { DELETED, BOOKED, NOT_FOUND }

    private static final String EXPERT_SELECT = """
            SELECT x.id, x.name, x.organisation, x.email,
                   (SELECT count(*) FROM consultation_slot s JOIN consultation_booking b ON b.slot_id = s.id
                    WHERE s.expert_id = x.id) AS bookings
            FROM consultation_expert x""";

    @Transactional(readOnly = true)
    public List<ExpertView> experts() {
        return jdbc.query(EXPERT_SELECT + " ORDER BY x.name, x.organisation", EXPERT);
    }

    @Transactional(readOnly = true)
    public Optional<ExpertView> expert(long id) {
        return jdbc.query(EXPERT_SELECT + " WHERE x.id = :id", Map.of("id", id), EXPERT).stream().findFirst();
    }

    /** Days from the given date on, with how many of their slots are booked. */
    @Transactional(readOnly = true)
    public List<DayView> days(LocalDate from) {
        return jdbc.query("""
                SELECT d.id, d.day, d.meeting_url,
                       (SELECT count(*) FROM consultation_slot s JOIN consultation_booking b ON b.slot_id = s.id
                        WHERE s.day_id = d.id) AS bookings
                FROM consultation_day d WHERE d.day >= :from ORDER BY d.day""", Map.of("from", from),
                (rs, i) -> new DayView(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getString("meeting_url"),
                        rs.getLong("bookings")));
    }

    /** The booked slots of one expert from the given day on, in time order, with the businesses of the booking accounts. */
    @Transactional(readOnly = true)
    public List<ExpertBooking> bookings(long expertId, LocalDate from) {
        Map<Long, List<String>> businesses = new java.util.HashMap<>();
        return jdbc.query("""
                SELECT s.starts_at, d.meeting_url, a.id AS account_id, a.email AS booked_by, b.topic, b.question
                FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
                JOIN consultation_booking b ON b.slot_id = s.id JOIN account a ON a.id = b.account_id
                WHERE s.expert_id = :expert AND d.day >= :from ORDER BY s.starts_at""",
                new MapSqlParameterSource("expert", expertId).addValue("from", from),
                (rs, i) -> new ExpertBooking(rs.getObject("starts_at", LocalDateTime.class), rs.getString("meeting_url"),
                        rs.getString("booked_by"), rs.getLong("account_id"), rs.getString("topic"), rs.getString("question"),
                        List.of()))
                .stream().map(b -> b.withBusinesses(businesses.computeIfAbsent(b.accountId(), directory::listingNamesOwnedBy)))
                .toList();
    }

    /** Sets or (null) removes an expert's e-mail address. @return false when there is no such expert */
    public boolean setEmail(long expertId, String email) {
        Optional<ExpertView> before = expert(expertId);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.update("UPDATE consultation_expert SET email = :email WHERE id = :id",
                new MapSqlParameterSource("email", email).addValue("id", expertId));
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("email", before.get().email());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("email", email);
        auditLog.record(ConsultationService.ENTITY, "Experte " + expertId, "CHANGED", old, now);
        return true;
    }

    /**
     * Deletes a Sprechtag day with its free slots, unless one of its slots is booked. The slots are locked
     * first, so a booking that is being made at this moment either counts or fails; none is lost silently.
     */
    public DeleteResult deleteDay(long dayId) {
        List<Map<String, Object>> day = jdbc.queryForList("SELECT day, meeting_url FROM consultation_day WHERE id = :id FOR UPDATE",
                Map.of("id", dayId));
        if (day.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        if (booked("day_id", dayId)) {
            return DeleteResult.BOOKED;
        }
        jdbc.update("DELETE FROM consultation_day WHERE id = :id", Map.of("id", dayId));
        auditLog.record(ConsultationService.ENTITY, "Tag " + dayId, "DELETED",
                Map.of("day", day.get(0).get("day"), "meetingUrl", day.get(0).get("meeting_url")), Map.of());
        return DeleteResult.DELETED;
    }

    /** Deletes an expert with their free slots, unless one of their slots is booked (locking as {@link #deleteDay}). */
    public DeleteResult deleteExpert(long expertId) {
        List<Map<String, Object>> expert = jdbc.queryForList(
                "SELECT name, organisation, email FROM consultation_expert WHERE id = :id FOR UPDATE", Map.of("id", expertId));
        if (expert.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        if (booked("expert_id", expertId)) {
            return DeleteResult.BOOKED;
        }
        jdbc.update("DELETE FROM consultation_expert WHERE id = :id", Map.of("id", expertId));
        Map<String, Object> before = new LinkedHashMap<>(expert.get(0));
        auditLog.record(ConsultationService.ENTITY, "Experte " + expertId, "DELETED", before, Map.of());
        return DeleteResult.DELETED;
    }

    /** Locks the slots of a day or an expert (a booking in progress holds a key-share lock on its slot) and checks for bookings. */
    private boolean booked(String column, long id) {
        // column is one of two fixed names, never user input
        jdbc.queryForList("SELECT id FROM consultation_slot WHERE " + column + " = :id FOR UPDATE", Map.of("id", id), Long.class);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM consultation_slot s JOIN consultation_booking b "
                + "ON b.slot_id = s.id WHERE s." + column + " = :id)", Map.of("id", id), Boolean.class));
    }

    private static final RowMapper<ExpertView> EXPERT = (rs, i) -> new ExpertView(rs.getLong("id"), rs.getString("name"),
            rs.getString("organisation"), rs.getString("email"), rs.getLong("bookings"));

    /** @param bookings booked slots of this expert, past ones included */
    public record ExpertView(long id, String name, String organisation, String email, long bookings) {
    }

    /** @param bookings booked slots of this day */
    public record DayView(long id, LocalDate day, String meetingUrl, long bookings) {
    }

    /**
     * @param bookedBy   e-mail address of the business account that booked
     * @param businesses names of that account's listings in the business directory (may be empty)
     */
    public record ExpertBooking(LocalDateTime start, String meetingUrl, String bookedBy, long accountId, String topic,
                                String question, List<String> businesses) {

        ExpertBooking withBusinesses(List<String> names) {
            return new ExpertBooking(start, meetingUrl, bookedBy, accountId, topic, question, List.copyOf(names));
        }

        public LocalDateTime end() {
            return start.plusMinutes(ConsultationService.SLOT_MINUTES);
        }
    }
}
