package de.stadtportal.sprechtag.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.sprechtag.domain.SprechtagService.Topic;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff upkeep of the Digitalisierungssprechtag beyond creating things: experts with an optional e-mail
 * address, each expert's bookings, and deleting days and experts that nobody has booked.
 */
@Service
@Transactional
public class SprechtagStaffService {

    public static final int MAX_EMAIL = 320;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final AccountApi accounts;
    private final DirectoryApi directory;

    SprechtagStaffService(JdbcClient jdbc, AuditLog auditLog, AccountApi accounts, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.accounts = accounts;
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
        return jdbc.sql(EXPERT_SELECT + " ORDER BY x.name, x.organisation").query(EXPERT).list();
    }

    @Transactional(readOnly = true)
    public Optional<ExpertView> expert(long id) {
        return jdbc.sql(EXPERT_SELECT + " WHERE x.id = :id").param("id", id).query(EXPERT).optional();
    }

    /** Days from the given date on, with how many of their slots are booked. */
    @Transactional(readOnly = true)
    public List<DayView> days(LocalDate from) {
        return jdbc.sql("""
                SELECT d.id, d.day, d.meeting_url,
                       (SELECT count(*) FROM consultation_slot s JOIN consultation_booking b ON b.slot_id = s.id
                        WHERE s.day_id = d.id) AS bookings
                FROM consultation_day d WHERE d.day >= :from ORDER BY d.day""").param("from", from)
                .query((rs, i) -> new DayView(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getString("meeting_url"),
                        rs.getLong("bookings"))).list();
    }

    /**
     * The booked slots of one expert from the given day on, in time order, with the booking accounts' addresses
     * (one call to {@link AccountApi}) and the businesses of those accounts.
     */
    @Transactional(readOnly = true)
    public List<ExpertBooking> bookings(long expertId, LocalDate from) {
        List<ExpertBooking> bookings = jdbc.sql("""
                SELECT s.starts_at, d.meeting_url, b.account_id, b.topic, b.question
                FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
                JOIN consultation_booking b ON b.slot_id = s.id
                WHERE s.expert_id = :expert AND d.day >= :from ORDER BY s.starts_at""")
                .param("expert", expertId).param("from", from)
                .query((rs, i) -> new ExpertBooking(rs.getObject("starts_at", LocalDateTime.class), rs.getString("meeting_url"),
                        null, rs.getLong("account_id"), Topic.valueOf(rs.getString("topic")), rs.getString("question"), List.of()))
                .list();
        if (bookings.isEmpty()) {
            return bookings;
        }
        Map<Long, String> emails = accounts.emailsOf(bookings.stream().map(ExpertBooking::accountId).distinct().toList());
        Map<Long, List<String>> businesses = new HashMap<>();
        return bookings.stream().map(b -> b.with(emails.get(b.accountId()),
                businesses.computeIfAbsent(b.accountId(), directory::listingNamesOwnedBy))).toList();
    }

    /** Sets or (null) removes an expert's e-mail address. @return false when there is no such expert */
    public boolean setEmail(long expertId, String email) {
        Optional<ExpertView> before = expert(expertId);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE consultation_expert SET email = :email WHERE id = :id").param("email", email).param("id", expertId).update();
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("email", before.get().email());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("email", email);
        auditLog.record(SprechtagService.ENTITY, "Experte " + expertId, "CHANGED", old, now);
        return true;
    }

    /**
     * Deletes a Sprechtag day with its free slots, unless one of its slots is booked. The slots are locked
     * first, so a booking that is being made at this moment either counts or fails; none is lost silently.
     */
    public DeleteResult deleteDay(long dayId) {
        Optional<Map<String, Object>> day = jdbc.sql("SELECT day, meeting_url FROM consultation_day WHERE id = :id FOR UPDATE")
                .param("id", dayId).query().listOfRows().stream().findFirst();
        if (day.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        if (booked("day_id", dayId)) {
            return DeleteResult.BOOKED;
        }
        jdbc.sql("DELETE FROM consultation_day WHERE id = :id").param("id", dayId).update();
        auditLog.record(SprechtagService.ENTITY, "Tag " + dayId, "DELETED",
                Map.of("day", day.get().get("day"), "meetingUrl", day.get().get("meeting_url")), Map.of());
        return DeleteResult.DELETED;
    }

    /** Deletes an expert with their free slots, unless one of their slots is booked (locking as {@link #deleteDay}). */
    public DeleteResult deleteExpert(long expertId) {
        Optional<Map<String, Object>> expert = jdbc.sql(
                "SELECT name, organisation, email FROM consultation_expert WHERE id = :id FOR UPDATE")
                .param("id", expertId).query().listOfRows().stream().findFirst();
        if (expert.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        if (booked("expert_id", expertId)) {
            return DeleteResult.BOOKED;
        }
        jdbc.sql("DELETE FROM consultation_expert WHERE id = :id").param("id", expertId).update();
        auditLog.record(SprechtagService.ENTITY, "Experte " + expertId, "DELETED", new LinkedHashMap<>(expert.get()), Map.of());
        return DeleteResult.DELETED;
    }

    /** Locks the slots of a day or an expert (a booking in progress holds a key-share lock on its slot) and checks for bookings. */
    private boolean booked(String column, long id) {
        // column is one of two fixed names, never user input
        jdbc.sql("SELECT id FROM consultation_slot WHERE " + column + " = :id FOR UPDATE").param("id", id).query(Long.class).list();
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM consultation_slot s JOIN consultation_booking b "
                + "ON b.slot_id = s.id WHERE s." + column + " = :id)").param("id", id).query(Boolean.class).single();
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
    public record ExpertBooking(LocalDateTime start, String meetingUrl, String bookedBy, long accountId, Topic topic,
                                String question, List<String> businesses) {

        ExpertBooking with(String email, List<String> names) {
            return new ExpertBooking(start, meetingUrl, email, accountId, topic, question, List.copyOf(names));
        }

        public LocalDateTime end() {
            return start.plusMinutes(SprechtagService.SLOT_MINUTES);
        }
    }
}
