package de.stadtportal.events.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digitalisierungssprechtag: 30-minute video consultations with experts. A slot is booked at most
 * once (UNIQUE slot_id; a second booking inserts nothing); bookings can be cancelled until 24 hours before.
 */
@Service
@Transactional
public class ConsultationService {

    public static final int SLOT_MINUTES = 30;
    public static final int MAX_QUESTION = 1000;
    static final String ENTITY = "Sprechtag";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    public enum Topic { WEBSITE, ONLINESHOP, E_RECHNUNG, SOCIAL_MEDIA, IT_SICHERHEIT, FOERDERPROGRAMME }

    private static final String SLOT_SELECT = """
            SELECT s.id, s.starts_at, d.id AS day_id, d.day, d.meeting_url, x.id AS expert_id, x.name AS expert,
                   x.organisation, b.id AS booking_id, b.topic, b.question, a.email AS booked_by
            FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
            JOIN consultation_expert x ON x.id = s.expert_id
            LEFT JOIN consultation_booking b ON b.slot_id = s.id LEFT JOIN account a ON a.id = b.account_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AccountApi accounts;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;

    ConsultationService(NamedParameterJdbcTemplate jdbc, Clock clock, AccountApi accounts, MailOutbox mailOutbox,
                        AuditLog auditLog, MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
    }

    /** Bookings starting after this can still be cancelled. */
    public LocalDateTime cancellableFrom() {
        return now().plusHours(24);
    }

    /** Slots of the coming days (free and booked), by day, expert and time. */
    @Transactional(readOnly = true)
    public List<Slot> comingSlots() {
        return jdbc.query(SLOT_SELECT + " WHERE s.starts_at > :now ORDER BY d.day, x.name, s.starts_at",
                Map.of("now", now()), SLOT);
    }

    /** Every slot of days from the given date on (staff). */
    @Transactional(readOnly = true)
    public List<Slot> slotsFrom(LocalDate from) {
        return jdbc.query(SLOT_SELECT + " WHERE d.day >= :from ORDER BY d.day, x.name, s.starts_at", Map.of("from", from), SLOT);
    }

    @Transactional(readOnly = true)
    public Optional<Slot> slot(long id) {
        return jdbc.query(SLOT_SELECT + " WHERE s.id = :id", Map.of("id", id), SLOT).stream().findFirst();
    }


    /**
     * Books a free slot for a business account.
     *
     * @return false when the slot is taken or past (then nothing was written)
     */
    public boolean book(long slotId, String email, Topic topic, String question) {
        Slot slot = slot(slotId).orElseThrow();
        if (!slot.start().isAfter(now())) {
            return false;
        }
        long accountId = accounts.idOf(email).orElseThrow();
        List<Long> id = jdbc.queryForList("""
                INSERT INTO consultation_booking (slot_id, account_id, topic, question)
                VALUES (:slot, :account, :topic, :question) ON CONFLICT (slot_id) DO NOTHING RETURNING id""",
                new MapSqlParameterSource("slot", slotId).addValue("account", accountId).addValue("topic", topic.name())
                        .addValue("question", question), Long.class);
        if (id.isEmpty()) {
            return false;
        }
        Locale locale = LocaleContextHolder.getLocale();
        mailOutbox.queue(email, messages.getMessage("sprechtag.mail.booked.subject", new Object[] {slot.start().format(WHEN)}, locale),
                messages.getMessage("sprechtag.mail.booked.body", new Object[] {slot.start().format(WHEN),
                        slot.expert(), slot.organisation(), messages.getMessage("sprechtag.topic." + topic.name(), null, locale),
                        slot.meetingUrl(), properties.baseUrl() + "/konto/termine"}, locale),
                AppointmentCalendar.attachment("sprechtag-" + id.get(0) + "@stadtportal",
                        messages.getMessage("sprechtag.ics.title", new Object[] {slot.expert()}, locale),
                        slot.start(), slot.end(), slot.meetingUrl(),
                        messages.getMessage("sprechtag.topic." + topic.name(), null, locale), slot.meetingUrl()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("slot", slotId);
        after.put("start", slot.start());
        after.put("topic", topic.name());
        auditLog.record(ENTITY, id.get(0), "BOOKED", Map.of(), after);
        return true;
    }

    @Transactional(readOnly = true)
    public List<Slot> bookingsOf(String email) {
        return jdbc.query(SLOT_SELECT + " WHERE a.email = :email ORDER BY s.starts_at DESC", Map.of("email", email), SLOT);
    }

    public enum CancelResult { CANCELLED, TOO_LATE, NOT_FOUND }

    /** Cancels the account's own booking, until 24 hours before. */
    public CancelResult cancel(long bookingId, String email) {
        Optional<Slot> slot = jdbc.query(SLOT_SELECT + " WHERE b.id = :id AND a.email = :email",
                Map.of("id", bookingId, "email", email), SLOT).stream().findFirst();
        if (slot.isEmpty()) {
            return CancelResult.NOT_FOUND;
        }
        if (slot.get().start().isBefore(now().plusHours(24))) {
            return CancelResult.TOO_LATE;
        }
        jdbc.update("DELETE FROM consultation_booking WHERE id = :id", Map.of("id", bookingId));
        auditLog.record(ENTITY, bookingId, "CANCELLED", Map.of("slot", slot.get().id(), "topic", slot.get().topic()), Map.of());
        mailOutbox.queue(email, messages.getMessage("sprechtag.mail.cancelled.subject", null, LocaleContextHolder.getLocale()),
                messages.getMessage("sprechtag.mail.cancelled.body", new Object[] {slot.get().start().format(WHEN)},
                        LocaleContextHolder.getLocale()));
        return CancelResult.CANCELLED;
    }

    // ------------------------------------------------------------------ staff

    /** @return false when there already is such a day */
    public boolean addDay(LocalDate day, String meetingUrl) {
        List<Long> id = jdbc.queryForList("""
                INSERT INTO consultation_day (day, meeting_url) VALUES (:day, :url) ON CONFLICT (day) DO NOTHING RETURNING id""",
                new MapSqlParameterSource("day", day).addValue("url", meetingUrl), Long.class);
        if (!id.isEmpty()) {
            auditLog.record(ENTITY, "Tag " + id.get(0), "CREATED", Map.of(), Map.of("day", day, "meetingUrl", meetingUrl));
        }
        return !id.isEmpty();
    }

    /** @param email optional (null); experts have no account */
    public boolean addExpert(String name, String organisation, String email) {
        List<Long> id = jdbc.queryForList("""
                INSERT INTO consultation_expert (name, organisation, email) VALUES (:name, :organisation, :email)
                ON CONFLICT (name, organisation) DO NOTHING RETURNING id""",
                new MapSqlParameterSource("name", name).addValue("organisation", organisation).addValue("email", email), Long.class);
        if (!id.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("organisation", organisation);
            after.put("email", email);
            auditLog.record(ENTITY, "Experte " + id.get(0), "CREATED", Map.of(), after);
        }
        return !id.isEmpty();
    }

    /** Adds 30-minute slots from..to on a day for an expert; existing ones are kept. @return how many are new */
    public int addSlots(long dayId, long expertId, LocalTime from, LocalTime to) {
        LocalDate day = jdbc.queryForObject("SELECT day FROM consultation_day WHERE id = :id", Map.of("id", dayId), LocalDate.class);
        int added = 0;
        LocalDateTime end = day.atTime(to);
        for (LocalDateTime start = day.atTime(from); !start.plusMinutes(SLOT_MINUTES).isAfter(end);
             start = start.plusMinutes(SLOT_MINUTES)) {
            added += jdbc.update("""
                    INSERT INTO consultation_slot (day_id, expert_id, starts_at) VALUES (:day, :expert, :start)
                    ON CONFLICT (expert_id, starts_at) DO NOTHING""",
                    new MapSqlParameterSource("day", dayId).addValue("expert", expertId).addValue("start", start));
        }
        auditLog.record(ENTITY, "Tag " + dayId, "SLOTS_ADDED", Map.of(),
                Map.of("expert", expertId, "from", from, "to", to, "added", added));
        return added;
    }

    /** Removes a free slot; booked ones stay. */
    public boolean deleteSlot(long slotId) {
        int deleted = jdbc.update("DELETE FROM consultation_slot s WHERE s.id = :id AND NOT EXISTS "
                + "(SELECT 1 FROM consultation_booking b WHERE b.slot_id = s.id)", Map.of("id", slotId));
        if (deleted > 0) {
            auditLog.record(ENTITY, "Termin " + slotId, "DELETED", Map.of("slot", slotId), Map.of());
        }
        return deleted > 0;
    }

    @Transactional(readOnly = true)
    public boolean dayExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM consultation_day WHERE id = :id)",
                Map.of("id", id), Boolean.class));
    }

    @Transactional(readOnly = true)
    public boolean expertExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM consultation_expert WHERE id = :id)",
                Map.of("id", id), Boolean.class));
    }

    private static final RowMapper<Slot> SLOT = (rs, i) -> new Slot(rs.getLong("id"),
            rs.getObject("starts_at", LocalDateTime.class), rs.getLong("day_id"), rs.getObject("day", LocalDate.class),
            rs.getString("meeting_url"), rs.getLong("expert_id"), rs.getString("expert"), rs.getString("organisation"),
            (Long) rs.getObject("booking_id"), rs.getString("topic"), rs.getString("question"), rs.getString("booked_by"));

    public record Slot(long id, LocalDateTime start, long dayId, LocalDate day, String meetingUrl, long expertId,
                       String expert, String organisation, Long bookingId, String topic, String question, String bookedBy) {

        public boolean booked() {
            return bookingId != null;
        }

        public LocalDateTime end() {
            return start.plusMinutes(SLOT_MINUTES);
        }
    }
}
