package de.stadtportal.events.domain;

import static de.stadtportal.events.domain.RegistrationService.WHEN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import de.stadtportal.platform.versions.DataVersion;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff create, change and cancel events. A cancelled or moved date takes its registrations along:
 * everyone registered hears of it by mail.
 */
@Service
@Transactional
public class EventEditingService {

    static final String ENTITY = "Veranstaltung";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventCatalog catalog;
    private final RegistrationService registrations;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final EventDates dates;

    EventEditingService(JdbcClient jdbc, Clock clock, EventCatalog catalog, RegistrationService registrations,
                        MailOutbox mailOutbox, AuditLog auditLog, MessageSource messages, EventDates dates) {
        this.dates = dates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
        this.registrations = registrations;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** Creates (id null) or changes an event. */
    public long save(Long id, EventData data) {
        // lists kept by the data version must not keep what a reader saw before this commit
        DataVersion.advanceAfterCommit(jdbc, EventCatalog.VERSION);
        Map<String, Object> params = new HashMap<>();
        params.put("slug", data.slug());
        params.put("title", data.title());
        params.put("category", data.category());
        params.put("description", data.description() == null ? "" : data.description());
        params.put("titleEn", blankToNull(data.titleEn()));
        params.put("descriptionEn", blankToNull(data.descriptionEn()));
        params.put("start", data.start());
        params.put("end", data.end());
        params.put("rrule", Recurrences.normalise(data.rrule()));
        params.put("placeName", blankToNull(data.placeName()));
        params.put("street", blankToNull(data.street()));
        params.put("postalCode", blankToNull(data.postalCode()));
        params.put("city", blankToNull(data.city()));
        params.put("onlineUrl", blankToNull(data.onlineUrl()));
        params.put("organiser", data.organiser());
        params.put("capacity", data.capacity());
        params.put("now", OffsetDateTime.now(clock));
        Event old = id == null ? null : catalog.find(id).orElseThrow();
        if (id == null) {
            id = jdbc.sql("""
                    INSERT INTO event (slug, title, title_en, description_en, category_id, description, starts_at, ends_at, rrule, place_name, street,
                                       postal_code, city, online_url, organiser, capacity, created_at, updated_at)
                    VALUES (:slug, :title, :titleEn, :descriptionEn, (SELECT id FROM event_category WHERE slug = :category), :description, :start, :end,
                            :rrule, :placeName, :street, :postalCode, :city, :onlineUrl, :organiser, :capacity, :now, :now)
                    RETURNING id""").params(params).query(Long.class).single();
        } else {
            params.put("id", id);
            jdbc.sql("""
                    UPDATE event SET slug = :slug, title = :title, title_en = :titleEn, description_en = :descriptionEn,
                        category_id = (SELECT id FROM event_category WHERE slug = :category), description = :description,
                        starts_at = :start, ends_at = :end, rrule = :rrule, place_name = :placeName, street = :street,
                        postal_code = :postalCode, city = :city, online_url = :onlineUrl, organiser = :organiser,
                        capacity = :capacity, updated_at = :now
                    WHERE id = :id""").params(params).update();
            if (data.capacity() != null) {
                // never below what is already booked: those places stay promised
                jdbc.sql("UPDATE event_occurrence SET capacity = GREATEST(:capacity, booked) WHERE event_id = :id")
                        .param("capacity", data.capacity()).param("id", id).update();
                for (Long occurrence : jdbc.sql("SELECT id FROM event_occurrence WHERE event_id = :id ORDER BY id")
                        .param("id", id).query(Long.class).list()) {
                    registrations.moveUp(occurrence);
                }
            }
        }
        Set<LocalDate> oldExceptions = old == null ? Set.of() : old.exceptions();
        Map<LocalDate, LocalDateTime> oldMoves = old == null ? Map.of() : old.moves();
        jdbc.sql("DELETE FROM event_exception WHERE event_id = :id").param("id", id).update();
        for (LocalDate day : data.exceptions()) {
            jdbc.sql("INSERT INTO event_exception (event_id, day) VALUES (:id, :day)").param("id", id).param("day", day).update();
        }
        for (Map.Entry<LocalDate, LocalDateTime> move : data.moves().entrySet()) {
            jdbc.sql("""
                    INSERT INTO event_exception (event_id, day, moved_to) VALUES (:id, :day, :movedTo)
                    ON CONFLICT (event_id, day) DO UPDATE SET moved_to = EXCLUDED.moved_to""")
                    .param("id", id).param("day", move.getKey()).param("movedTo", move.getValue()).update();
        }
        Event saved = catalog.find(id).orElseThrow();
        dates.store(saved);
        for (LocalDate day : data.exceptions()) {
            if (!oldExceptions.contains(day) || oldMoves.containsKey(day)) {
                tellRegistrants(saved, day, "events.mail.dateCancelled");
            }
        }
        for (Map.Entry<LocalDate, LocalDateTime> move : data.moves().entrySet()) {
            LocalDateTime from = oldMoves.containsKey(move.getKey()) ? oldMoves.get(move.getKey())
                    : oldExceptions.contains(move.getKey()) ? null : move.getKey().atTime(saved.start().toLocalTime());
            if (from != null && !from.equals(move.getValue())) {
                moveRegistrations(saved, from, move.getValue());
            }
        }
        auditLog.record(ENTITY, id, old == null ? "CREATED" : "CHANGED", old == null ? Map.of() : EventCatalog.snapshot(old),
                EventCatalog.snapshot(saved));
        return id;
    }

    /** Cancels the whole event; everyone registered for a coming date gets a mail. */
    public boolean cancel(long id) {
        Event event = catalog.find(id).orElseThrow();
        if (event.cancelled()) {
            return false;
        }
        DataVersion.advanceAfterCommit(jdbc, EventCatalog.VERSION);
        jdbc.sql("UPDATE event SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", EventStatus.CANCELLED.name()).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        tellRegistrants(event, null, "events.mail.eventCancelled");
        auditLog.record(ENTITY, id, "CANCELLED", Map.of("status", event.status()), Map.of("status", EventStatus.CANCELLED));
        return true;
    }

    /** How many registrations for coming dates a cancellation would mail (each gets one mail). */
    @Transactional(readOnly = true)
    public int registrationsToTell(long id) {
        return registrations.registrations("e.id = :id AND r.status <> :cancelled AND o.starts_at > :now ORDER BY r.id",
                Map.of("id", id, "now", catalog.now(), "cancelled", RegistrationStatus.CANCELLED.name())).size();
    }

    /**
     * A moved date takes its registrations along (when nobody registered for the new time yet);
     * everyone registered gets the new time by mail, with the new date as a calendar file.
     */
    private void moveRegistrations(Event event, LocalDateTime from, LocalDateTime to) {
        int moved = jdbc.sql("""
                UPDATE event_occurrence SET starts_at = :to WHERE event_id = :event AND starts_at = :from
                AND NOT EXISTS (SELECT 1 FROM event_occurrence o WHERE o.event_id = :event AND o.starts_at = :to)""")
                .param("event", event.id()).param("from", from).param("to", to).update();
        if (moved == 0) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationService.RegistrationView registration : registrations.registrations(
                "e.id = :event AND o.starts_at = :to AND r.status <> :cancelled ORDER BY r.id",
                Map.of("event", event.id(), "to", to, "cancelled", RegistrationStatus.CANCELLED.name()))) {
            mailOutbox.queue(registration.email(),
                    messages.getMessage("events.mail.dateMoved.subject", new Object[] {event.title()}, locale),
                    messages.getMessage("events.mail.dateMoved.body", new Object[] {registration.name(), event.title(),
                            from.format(WHEN), to.format(WHEN)}, locale),
                    registration.confirmed() ? registrations.appointment(event, to, null) : null);
        }
    }

    /** Mails everyone still registered for coming dates (all, or those on one day) and cancels their registrations. */
    private void tellRegistrants(Event event, LocalDate day, String key) {
        Map<String, Object> params = new HashMap<>(Map.of("id", event.id(), "now", catalog.now(),
                "cancelled", RegistrationStatus.CANCELLED.name()));
        String onDay = "";
        if (day != null) {
            onDay = " AND o.starts_at >= :day AND o.starts_at < :nextDay";
            params.put("day", day.atStartOfDay());
            params.put("nextDay", day.plusDays(1).atStartOfDay());
        }
        List<RegistrationService.RegistrationView> affected = registrations.registrations(
                "e.id = :id AND r.status <> :cancelled AND o.starts_at > :now" + onDay + " ORDER BY r.id", params);
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationService.RegistrationView registration : affected) {
            mailOutbox.queue(registration.email(),
                    messages.getMessage(key + ".subject", new Object[] {event.title()}, locale),
                    messages.getMessage(key + ".body", new Object[] {registration.name(), event.title(),
                            registration.start().format(WHEN)}, locale));
            registrations.setStatus(registration.id(), RegistrationStatus.CANCELLED);
        }
        params.remove("cancelled");
        jdbc.sql("UPDATE event_occurrence o SET booked = 0 WHERE event_id = :id AND starts_at > :now" + onDay).params(params).update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What staff enter for an event. */
    public record EventData(String slug, String title, String category, String description, LocalDateTime start,
                            LocalDateTime end, String rrule, Set<LocalDate> exceptions, Map<LocalDate, LocalDateTime> moves,
                            String placeName, String street,
                            String postalCode, String city, String onlineUrl, String organiser, Integer capacity,
                            String titleEn, String descriptionEn) {

        /** Without English texts (English pages then show the German ones). */
        public EventData(String slug, String title, String category, String description, LocalDateTime start,
                         LocalDateTime end, String rrule, Set<LocalDate> exceptions, Map<LocalDate, LocalDateTime> moves,
                         String placeName, String street, String postalCode, String city, String onlineUrl, String organiser,
                         Integer capacity) {
            this(slug, title, category, description, start, end, rrule, exceptions, moves, placeName, street, postalCode,
                    city, onlineUrl, organiser, capacity, null, null);
        }
    }
}
