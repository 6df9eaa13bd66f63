package de.stadtportal.sprechtag.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.events.EventsApi;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digitalisierungssprechtag: 30-minute video consultations with experts. A slot is booked at most
 * once (UNIQUE slot_id; a second booking inserts nothing); bookings can be cancelled until 24 hours before.
 * Who booked is an account id; its e-mail address comes from {@link AccountApi}, one call per list.
 * <p>Just over 300 lines: booking, cancelling and the staff's adding of days, experts and slots share the slot
 * queries; what staff do besides (e-mail changes, printable lists, deleting) is {@link SprechtagStaffService}.
 */
@Service
@Transactional
public class SprechtagService {

    public static final int SLOT_MINUTES = 30;
    public static final int MAX_QUESTION = 1000;
    static final String ENTITY = "Sprechtag";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    /** What a business asks about; the database's CHECK on consultation_booking.topic names the same values. */
    public enum Topic { WEBSITE, ONLINESHOP, E_RECHNUNG, SOCIAL_MEDIA, IT_SICHERHEIT, FOERDERPROGRAMME }

    private static final String SLOT_SELECT = """
            SELECT s.id, s.starts_at, d.id AS day_id, d.day, d.meeting_url, x.id AS expert_id, x.name AS expert,
                   x.organisation, b.id AS booking_id, b.topic, b.question, b.account_id
            FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
            JOIN consultation_expert x ON x.id = s.expert_id
            LEFT JOIN consultation_booking b ON b.slot_id = s.id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountApi accounts;
    private final EventsApi events;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;

    SprechtagService(JdbcClient jdbc, Clock clock, AccountApi accounts, EventsApi events, MailOutbox mailOutbox,
                     AuditLog auditLog, MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
    }

    /** Today in Bottrop. */
    public LocalDate today() {
        return now().toLocalDate();
    }

    /** Bookings starting after this can still be cancelled. */
    public LocalDateTime cancellableFrom() {
        return now().plusHours(24);
    }

    /** Slots of the coming days (free and booked), by day, expert and time. */
    @Transactional(readOnly = true)
    public List<Slot> comingSlots() {
        return slots(SLOT_SELECT + " WHERE s.starts_at > :now ORDER BY d.day, x.name, s.starts_at", Map.of("now", now()));
    }

    /** The start of the next free slot, if there is one. */
    @Transactional(readOnly = true)
    public Optional<LocalDateTime> nextFreeSlot() {
        return jdbc.sql("""
                SELECT s.starts_at FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
                JOIN consultation_expert x ON x.id = s.expert_id
                WHERE s.starts_at > :now AND NOT EXISTS (SELECT 1 FROM consultation_booking b WHERE b.slot_id = s.id)
                ORDER BY d.day, x.name, s.starts_at LIMIT 1""").param("now", now()).query(LocalDateTime.class).optional();
    }

    /** Every slot of days from the given date on (staff). */
    @Transactional(readOnly = true)
    public List<Slot> slotsFrom(LocalDate from) {
        return slots(SLOT_SELECT + " WHERE d.day >= :from ORDER BY d.day, x.name, s.starts_at", Map.of("from", from));
    }

    @Transactional(readOnly = true)
    public Optional<Slot> slot(long id) {
        return slots(SLOT_SELECT + " WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Slots as the query finds them, the booking accounts' addresses added in one call. */
    private List<Slot> slots(String sql, Map<String, ?> params) {
        List<Slot> slots = jdbc.sql(sql).params(params).query(SLOT).list();
        List<Long> accountIds = slots.stream().map(Slot::accountId).filter(Objects::nonNull).distinct().toList();
        if (accountIds.isEmpty()) {
            return slots;
        }
        Map<Long, String> emails = accounts.emailsOf(accountIds);
        return slots.stream().map(s -> s.accountId() == null ? s : s.bookedBy(emails.get(s.accountId()))).toList();
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
        Optional<Long> id = jdbc.sql("""
                INSERT INTO consultation_booking (slot_id, account_id, topic, question)
                VALUES (:slot, :account, :topic, :question) ON CONFLICT (slot_id) DO NOTHING RETURNING id""")
                .param("slot", slotId).param("account", accountId).param("topic", topic.name()).param("question", question)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return false;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String topicName = messages.getMessage("sprechtag.topic." + topic.name(), null, locale);
        mailOutbox.queue(email, messages.getMessage("sprechtag.mail.booked.subject", new Object[] {slot.start().format(WHEN)}, locale),
                messages.getMessage("sprechtag.mail.booked.body", new Object[] {slot.start().format(WHEN),
                        slot.expert(), slot.organisation(), topicName, slot.meetingUrl(), properties.baseUrl() + "/konto/termine"}, locale),
                events.appointment("sprechtag-" + id.get() + "@stadtportal",
                        messages.getMessage("sprechtag.ics.title", new Object[] {slot.expert()}, locale),
                        slot.start(), slot.end(), slot.meetingUrl(), topicName, slot.meetingUrl()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("slot", slotId);
        after.put("start", slot.start());
        after.put("topic", topic.name());
        auditLog.record(ENTITY, id.get(), "BOOKED", Map.of(), after);
        return true;
    }

    @Transactional(readOnly = true)
    public List<Slot> bookingsOf(String email) {
        Optional<Long> account = accounts.idOf(email);
        if (account.isEmpty()) {
            return List.of();
        }
        return slots(SLOT_SELECT + " WHERE b.account_id = :account ORDER BY s.starts_at DESC", Map.of("account", account.get()));
    }

    public enum CancelResult { CANCELLED, TOO_LATE, NOT_FOUND }

    /**
     * Staff cancel a booking (the expert fell ill, the day moves): the slot is free again and the business is
     * mailed with the reason. No 24-hour limit: the business must know in any case.
     *
     * @return false when the slot has no booking (any more)
     */
    public boolean cancelByStaff(long slotId, String reason) {
        Optional<Slot> slot = slot(slotId).filter(Slot::booked);
        if (slot.isEmpty()) {
            return false;
        }
        Slot booked = slot.get();
        jdbc.sql("DELETE FROM consultation_booking WHERE id = :id").param("id", booked.bookingId()).update();
        auditLog.record(ENTITY, booked.bookingId(), "CANCELLED", Map.of("slot", booked.id(), "topic", booked.topic()),
                Map.of("reason", reason));
        if (booked.bookedBy() != null) {
            Locale locale = LocaleContextHolder.getLocale();
            mailOutbox.queue(booked.bookedBy(),
                    messages.getMessage("sprechtag.mail.cancelledByStaff.subject", new Object[] {booked.start().format(WHEN)}, locale),
                    messages.getMessage("sprechtag.mail.cancelledByStaff.body", new Object[] {booked.start().format(WHEN),
                            booked.expert(), reason, properties.baseUrl() + "/sprechtag"}, locale));
        }
        return true;
    }

    /** Cancels the account's own booking, until 24 hours before. */
    public CancelResult cancel(long bookingId, String email) {
        Optional<Long> account = accounts.idOf(email);
        Optional<Slot> slot = account.isEmpty() ? Optional.empty()
                : slots(SLOT_SELECT + " WHERE b.id = :id AND b.account_id = :account",
                        Map.of("id", bookingId, "account", account.get())).stream().findFirst();
        if (slot.isEmpty()) {
            return CancelResult.NOT_FOUND;
        }
        if (slot.get().start().isBefore(now().plusHours(24))) {
            return CancelResult.TOO_LATE;
        }
        jdbc.sql("DELETE FROM consultation_booking WHERE id = :id").param("id", bookingId).update();
        auditLog.record(ENTITY, bookingId, "CANCELLED", Map.of("slot", slot.get().id(), "topic", slot.get().topic()), Map.of());
        mailOutbox.queue(email, messages.getMessage("sprechtag.mail.cancelled.subject", null, LocaleContextHolder.getLocale()),
                messages.getMessage("sprechtag.mail.cancelled.body", new Object[] {slot.get().start().format(WHEN)},
                        LocaleContextHolder.getLocale()));
        return CancelResult.CANCELLED;
    }

    // ------------------------------------------------------------------ staff

    /** @return false when there already is such a day */
    public boolean addDay(LocalDate day, String meetingUrl) {
        Optional<Long> id = jdbc.sql("""
                INSERT INTO consultation_day (day, meeting_url) VALUES (:day, :url) ON CONFLICT (day) DO NOTHING RETURNING id""")
                .param("day", day).param("url", meetingUrl).query(Long.class).optional();
        id.ifPresent(created -> auditLog.record(ENTITY, "Tag " + created, "CREATED", Map.of(),
                Map.of("day", day, "meetingUrl", meetingUrl)));
        return id.isPresent();
    }

    /** @param email optional (null); experts have no account */
    public boolean addExpert(String name, String organisation, String email) {
        Optional<Long> id = jdbc.sql("""
                INSERT INTO consultation_expert (name, organisation, email) VALUES (:name, :organisation, :email)
                ON CONFLICT (name, organisation) DO NOTHING RETURNING id""")
                .param("name", name).param("organisation", organisation).param("email", email).query(Long.class).optional();
        if (id.isPresent()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("organisation", organisation);
            after.put("email", email);
            auditLog.record(ENTITY, "Experte " + id.get(), "CREATED", Map.of(), after);
        }
        return id.isPresent();
    }

    /** Adds 30-minute slots from..to on a day for an expert; existing ones are kept. @return how many are new */
    public int addSlots(long dayId, long expertId, LocalTime from, LocalTime to) {
        LocalDate day = jdbc.sql("SELECT day FROM consultation_day WHERE id = :id").param("id", dayId).query(LocalDate.class).single();
        int added = 0;
        LocalDateTime end = day.atTime(to);
        for (LocalDateTime start = day.atTime(from); !start.plusMinutes(SLOT_MINUTES).isAfter(end);
             start = start.plusMinutes(SLOT_MINUTES)) {
            added += jdbc.sql("""
                    INSERT INTO consultation_slot (day_id, expert_id, starts_at) VALUES (:day, :expert, :start)
                    ON CONFLICT (expert_id, starts_at) DO NOTHING""")
                    .param("day", dayId).param("expert", expertId).param("start", start).update();
        }
        auditLog.record(ENTITY, "Tag " + dayId, "SLOTS_ADDED", Map.of(),
                Map.of("expert", expertId, "from", from, "to", to, "added", added));
        return added;
    }

    /** Removes a free slot; booked ones stay. */
    public boolean deleteSlot(long slotId) {
        int deleted = jdbc.sql("DELETE FROM consultation_slot s WHERE s.id = :id AND NOT EXISTS "
                + "(SELECT 1 FROM consultation_booking b WHERE b.slot_id = s.id)").param("id", slotId).update();
        if (deleted > 0) {
            auditLog.record(ENTITY, "Termin " + slotId, "DELETED", Map.of("slot", slotId), Map.of());
        }
        return deleted > 0;
    }

    @Transactional(readOnly = true)
    public boolean dayExists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM consultation_day WHERE id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public boolean expertExists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM consultation_expert WHERE id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    private static final RowMapper<Slot> SLOT = (rs, i) -> new Slot(rs.getLong("id"),
            rs.getObject("starts_at", LocalDateTime.class), rs.getLong("day_id"), rs.getObject("day", LocalDate.class),
            rs.getString("meeting_url"), rs.getLong("expert_id"), rs.getString("expert"), rs.getString("organisation"),
            (Long) rs.getObject("booking_id"), rs.getString("topic") == null ? null : Topic.valueOf(rs.getString("topic")),
            rs.getString("question"),
            (Long) rs.getObject("account_id"), null);

    /** @param bookedBy e-mail address of the booking account; null when free */
    public record Slot(long id, LocalDateTime start, long dayId, LocalDate day, String meetingUrl, long expertId,
                       String expert, String organisation, Long bookingId, Topic topic, String question, Long accountId,
                       String bookedBy) {

        public boolean booked() {
            return bookingId != null;
        }

        public LocalDateTime end() {
            return start.plusMinutes(SLOT_MINUTES);
        }

        Slot bookedBy(String email) {
            return new Slot(id, start, dayId, day, meetingUrl, expertId, expert, organisation, bookingId, topic, question,
                    accountId, email);
        }
    }
}
