package de.stadtportal.events.domain;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.Tokens;
import de.stadtportal.platform.mail.MailOutbox;
import de.stadtportal.platform.versions.DataVersion;
import de.stadtportal.platform.mail.MailOutbox.Attachment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations for the dates of an event, with a waiting list. A registration locks the date's row
 * ({@code SELECT ... FOR UPDATE}); the CHECK {@code booked <= capacity} stops any overbooking in
 * the database itself. Everything a registration needs is checked here, once.
 * <p>Over 300 lines on purpose: registering, the waiting list, moving up and cancelling all lock the same
 * occurrence row and keep one counter right; kept in one class, that locking order is visible in one place.
 */
@Service
@Transactional
public class RegistrationService {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    /** A registration with its date and event; callers add the WHERE clause. */
    private static final String REGISTRATIONS = """
            SELECT r.*, o.starts_at, e.slug, e.title FROM event_registration r
            JOIN event_occurrence o ON o.id = r.occurrence_id JOIN event e ON e.id = o.event_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventCatalog catalog;
    private final AppointmentCalendar calendar;
    private final MailOutbox mailOutbox;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final Validator validator;

    RegistrationService(JdbcClient jdbc, Clock clock, EventCatalog catalog, AppointmentCalendar calendar, MailOutbox mailOutbox,
                        MessageSource messages, PortalProperties properties, Validator validator) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
        this.calendar = calendar;
        this.mailOutbox = mailOutbox;
        this.messages = messages;
        this.properties = properties;
        this.validator = validator;
    }

    /**
     * Registers for one date. Confirmed while places are free, otherwise on the waiting list.
     *
     * @param start the date's local start; null when none was chosen
     * @return the outcome, with the token of the cancel link
     * @throws RegistrationClosedException when the event takes no registrations (none needed, or cancelled)
     * @throws InvalidRegistrationException with every field that is wrong, the date included
     */
    public RegistrationOutcome register(Event event, LocalDateTime start, Registrant registrant) {
        // free places are shown in lists kept by the events' data version
        DataVersion.advanceAfterCommit(jdbc, EventCatalog.VERSION);
        List<FieldProblem> problems = check(event, start, registrant);
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        String email = registrant.email().strip().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                INSERT INTO event_occurrence (event_id, starts_at, capacity) VALUES (:event, :start, :capacity)
                ON CONFLICT (event_id, starts_at) DO NOTHING""")
                .param("event", event.id()).param("start", start).param("capacity", event.capacity()).update();
        Place place = jdbc.sql("SELECT id, capacity, booked FROM event_occurrence WHERE event_id = :event AND starts_at = :start FOR UPDATE")
                .param("event", event.id()).param("start", start).query(PLACE).single();
        // one registration per address and date: a second one gets its cancel link mailed again instead
        Optional<Long> existing = jdbc.sql("""
                        SELECT id FROM event_registration
                        WHERE occurrence_id = :occurrence AND email = :email AND status <> 'CANCELLED'
                        ORDER BY id LIMIT 1""")
                .param("occurrence", place.id()).param("email", email).query(Long.class).optional();
        if (existing.isPresent()) {
            String token = Tokens.newToken();
            jdbc.sql("UPDATE event_registration SET token_hash = :token, updated_at = now() WHERE id = :id")
                    .param("token", Tokens.hash(token)).param("id", existing.get()).update();
            Locale locale = LocaleContextHolder.getLocale();
            mailOutbox.queue(email, messages.getMessage("events.mail.again.subject", new Object[] {event.title()}, locale),
                    messages.getMessage("events.mail.again.body", new Object[] {event.title(), start.format(WHEN),
                            properties.baseUrl() + "/veranstaltungen/abmelden?token=" + token}, locale), null);
            return new RegistrationOutcome(existing.get(), false, null, true);
        }
        boolean confirmed = place.booked() + registrant.people() <= place.capacity();
        if (confirmed) {
            jdbc.sql("UPDATE event_occurrence SET booked = booked + :people WHERE id = :id")
                    .param("people", registrant.people()).param("id", place.id()).update();
        }
        String token = Tokens.newToken();
        RegistrationStatus status = confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
        long id = jdbc.sql("""
                INSERT INTO event_registration (occurrence_id, name, email, organisation, people, status, token_hash)
                VALUES (:occurrence, :name, :email, :organisation, :people, :status, :token) RETURNING id""")
                .param("occurrence", place.id()).param("name", registrant.name().strip()).param("email", email)
                .param("organisation", registrant.organisation()).param("people", registrant.people())
                .param("status", status.name()).param("token", Tokens.hash(token)).query(Long.class).single();
        Locale locale = LocaleContextHolder.getLocale();
        String cancelLink = properties.baseUrl() + "/veranstaltungen/abmelden?token=" + token;
        mailOutbox.queue(email,
                messages.getMessage(confirmed ? "events.mail.confirmed.subject" : "events.mail.waiting.subject",
                        new Object[] {event.title()}, locale),
                messages.getMessage(confirmed ? "events.mail.confirmed.body" : "events.mail.waiting.body",
                        new Object[] {registrant.name().strip(), event.title(), start.format(WHEN), registrant.people(), cancelLink,
                                properties.baseUrl() + "/veranstaltungen/" + event.slug() + ".ics",
                                place(event)}, locale),
                // a place on the waiting list is no appointment yet
                confirmed ? appointment(event, start, cancelLink) : null);
        return new RegistrationOutcome(id, confirmed, token, false);
    }

    /**
     * Everything wrong with a registration, without writing it: the date (null when none was chosen or it
     * could not be read) and each field.
     *
     * @throws RegistrationClosedException when the event takes no registrations (none needed, or cancelled)
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(Event event, LocalDateTime start, Registrant registrant) {
        if (!event.registration() || event.cancelled()) {
            throw new RegistrationClosedException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(new FieldProblem("date", "events.register.dateMissing"));
        } else if (!Recurrences.isDate(event, start) || !start.isAfter(catalog.now())) {
            problems.add(new FieldProblem("date", "events.register.dateInvalid"));
        }
        for (ConstraintViolation<Registrant> violation : validator.validate(registrant)) {
            String template = violation.getMessageTemplate();
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), template.substring(1, template.length() - 1)));
        }
        return problems;
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationView> registrationByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return registrations("r.token_hash = :hash", Map.of("hash", Tokens.hash(token))).stream().findFirst();
    }

    /** Cancels by the link from the mail; free places go to the waiting list. False if already cancelled. */
    public boolean cancelRegistration(String token) {
        DataVersion.advanceAfterCommit(jdbc, EventCatalog.VERSION);
        Optional<RegistrationView> found = registrationByToken(token);
        if (found.isEmpty()) {
            return false;
        }
        long occurrenceId = found.get().occurrenceId();
        lockOccurrence(occurrenceId);
        // read again under the lock: a second click must not free the places twice
        RegistrationView registration = registrationByToken(token).orElseThrow();
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return false;
        }
        setStatus(registration.id(), RegistrationStatus.CANCELLED);
        if (registration.confirmed()) {
            jdbc.sql("UPDATE event_occurrence SET booked = booked - :people WHERE id = :id")
                    .param("people", registration.people()).param("id", occurrenceId).update();
            moveUp(occurrenceId);
        }
        return true;
    }

    /** Every registration of an event (staff), by date and order of arrival. */
    @Transactional(readOnly = true)
    public List<RegistrationView> registrations(long eventId) {
        return registrations("e.id = :id ORDER BY o.starts_at, CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITING' THEN 1 ELSE 2 END, r.id",
                Map.of("id", eventId));
    }

    /** Registrations matching a condition on r (registration), o (date) and e (event), with its ORDER BY. */
    List<RegistrationView> registrations(String condition, Map<String, ?> params) {
        return jdbc.sql(REGISTRATIONS + " WHERE " + condition).params(params).query(REGISTRATION).list();
    }

    void setStatus(long registrationId, RegistrationStatus status) {
        jdbc.sql("UPDATE event_registration SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name()).param("now", OffsetDateTime.now(clock)).param("id", registrationId).update();
    }

    private Place lockOccurrence(long occurrenceId) {
        return jdbc.sql("SELECT id, capacity, booked FROM event_occurrence WHERE id = :id FOR UPDATE").param("id", occurrenceId)
                .query(PLACE).single();
    }

    /** Waiting registrations, oldest first, get every place that fits them; each gets a mail. Needs the row lock. */
    void moveUp(long occurrenceId) {
        Place place = lockOccurrence(occurrenceId);
        int free = place.capacity() - place.booked();
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationView registration : registrations("r.occurrence_id = :id AND r.status = :waiting ORDER BY r.id",
                Map.of("id", occurrenceId, "waiting", RegistrationStatus.WAITING.name()))) {
            if (registration.people() > free) {
                continue;
            }
            free -= registration.people();
            setStatus(registration.id(), RegistrationStatus.CONFIRMED);
            jdbc.sql("UPDATE event_occurrence SET booked = booked + :people WHERE id = :id")
                    .param("people", registration.people()).param("id", occurrenceId).update();
            mailOutbox.queue(registration.email(),
                    messages.getMessage("events.mail.movedUp.subject", new Object[] {registration.title()}, locale),
                    messages.getMessage("events.mail.movedUp.body", new Object[] {registration.name(), registration.title(),
                            registration.start().format(WHEN),
                            properties.baseUrl() + "/veranstaltungen/" + registration.slug() + ".ics"}, locale),
                    appointment(catalog.find(registration.slug()).orElseThrow(), registration.start(), null));
        }
    }

    /** The registered date as a calendar file; its UID names the event and the date, so it never doubles. */
    Attachment appointment(Event event, LocalDateTime start, String cancelLink) {
        return calendar.attachment(
                "event-" + event.id() + "-" + start.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")) + "@stadtportal",
                event.title(), start, start.plus(event.duration()), place(event),
                cancelLink == null ? null : messages.getMessage("events.ics.cancel", new Object[] {cancelLink},
                        LocaleContextHolder.getLocale()),
                properties.baseUrl() + "/veranstaltungen/" + event.slug());
    }

    static String place(Event event) {
        if (event.placeName() == null) {
            return event.onlineUrl();
        }
        StringBuilder place = new StringBuilder(event.placeName());
        if (event.street() != null) {
            place.append(", ").append(event.street());
        }
        if (event.postalCode() != null || event.city() != null) {
            place.append(", ").append(event.postalCode() == null ? "" : event.postalCode() + " ")
                    .append(event.city() == null ? "" : event.city());
        }
        return place.toString().strip();
    }

    private record Place(long id, int capacity, int booked) {
    }

    private static final RowMapper<Place> PLACE = (rs, i) -> new Place(rs.getLong("id"), rs.getInt("capacity"), rs.getInt("booked"));

    private static final RowMapper<RegistrationView> REGISTRATION = (rs, i) -> new RegistrationView(rs.getLong("id"),
            rs.getLong("occurrence_id"), rs.getString("slug"), rs.getString("title"),
            rs.getObject("starts_at", LocalDateTime.class), rs.getString("name"), rs.getString("email"),
            rs.getString("organisation"), rs.getInt("people"), RegistrationStatus.valueOf(rs.getString("status")),
            rs.getObject("created_at", OffsetDateTime.class));

    /** What a person enters to register; checked by {@link #register}. */
    public record Registrant(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") String name,
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email,
            @Size(max = 160, message = "{platform.validation.tooLong}") String organisation,
            @NotNull(message = "{events.register.people}") @Min(value = 1, message = "{events.register.people}")
            @Max(value = 10, message = "{events.register.people}") Integer people) {
    }

    /** @param alreadyRegistered the address was registered for this date already: nothing new, its cancel link was mailed */
    public record RegistrationOutcome(long id, boolean confirmed, String token, boolean alreadyRegistered) {
    }

    /** One field's problem: the form field's name and the message key. */
    public record FieldProblem(String field, String code) {
    }

    /** The registration was not written; every problem is named. */
    public static class InvalidRegistrationException extends RuntimeException {

        private final List<FieldProblem> problems;

        InvalidRegistrationException(List<FieldProblem> problems) {
            super("invalid registration: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The event takes no registrations (none needed, or it is cancelled). */
    public static class RegistrationClosedException extends RuntimeException {

        RegistrationClosedException() {
            super("the event takes no registrations");
        }
    }

    public record RegistrationView(long id, long occurrenceId, String slug, String title, LocalDateTime start, String name,
                                   String email, String organisation, int people, RegistrationStatus status,
                                   OffsetDateTime createdAt) {

        public boolean confirmed() {
            return status == RegistrationStatus.CONFIRMED;
        }

        public boolean waiting() {
            return status == RegistrationStatus.WAITING;
        }
    }
}
