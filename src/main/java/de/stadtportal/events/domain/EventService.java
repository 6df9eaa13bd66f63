package de.stadtportal.events.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.Tokens;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import de.stadtportal.platform.mail.MailOutbox.Attachment;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events and their dates, registrations with a waiting list. A registration locks the date's row
 * ({@code SELECT ... FOR UPDATE}); the CHECK {@code booked <= capacity} stops any overbooking in
 * the database itself.
 */
@Service
@Transactional
public class EventService {

    static final String ENTITY = "Veranstaltung";
    static final String REGISTRATION = "Anmeldung";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    private static final String SELECT = """
            SELECT e.*, c.slug AS category_slug, c.name AS category_name,
                   ARRAY(SELECT x.day FROM event_exception x WHERE x.event_id = e.id ORDER BY x.day) AS exception_days,
                   ARRAY(SELECT x.day FROM event_exception x WHERE x.event_id = e.id AND x.moved_to IS NOT NULL
                         ORDER BY x.day) AS moved_days,
                   ARRAY(SELECT x.moved_to FROM event_exception x WHERE x.event_id = e.id AND x.moved_to IS NOT NULL
                         ORDER BY x.day) AS moved_starts
            FROM event e JOIN event_category c ON c.id = e.category_id""";

    /** A registration with its date and event, as {@link #registration} reads it; callers add the WHERE clause. */
    private static final String REGISTRATIONS = """
            SELECT r.*, o.starts_at, e.slug, e.title FROM event_registration r
            JOIN event_occurrence o ON o.id = r.occurrence_id JOIN event e ON e.id = o.event_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;

    EventService(NamedParameterJdbcTemplate jdbc, Clock clock, MailOutbox mailOutbox, AuditLog auditLog,
                 MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE));
    }

    public String baseUrl() {
        return properties.baseUrl();
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return jdbc.query("SELECT slug, name FROM event_category ORDER BY position, name",
                (rs, i) -> new Category(rs.getString("slug"), rs.getString("name")));
    }

    @Transactional(readOnly = true)
    public Optional<Event> find(String slug) {
        return jdbc.query(SELECT + " WHERE e.slug = :slug", Map.of("slug", slug), (rs, i) -> event(rs)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Event> find(long id) {
        return jdbc.query(SELECT + " WHERE e.id = :id", Map.of("id", id), (rs, i) -> event(rs)).stream().findFirst();
    }

    /** Every event for staff, newest first. */
    @Transactional(readOnly = true)
    public List<Event> all() {
        return jdbc.query(SELECT + " ORDER BY e.starts_at DESC, e.id DESC LIMIT 500", Map.of(), (rs, i) -> event(rs));
    }

    /** Published events (of a category, matching a text) that may have a date in [from, to). */
    @Transactional(readOnly = true)
    public List<Event> published(String category, String query, LocalDateTime from, LocalDateTime to, boolean withCancelled) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
        List<String> conditions = new ArrayList<>();
        conditions.add(withCancelled ? "e.status IN ('PUBLISHED', 'CANCELLED')" : "e.status = 'PUBLISHED'");
        conditions.add("e.starts_at < :to");
        // a single event ends after the window starts; a series may still have dates
        conditions.add("(e.rrule IS NOT NULL OR e.ends_at > :from)");
        if (category != null && !category.isBlank()) {
            conditions.add("c.slug = :category");
            params.addValue("category", category);
        }
        if (query != null && !query.isBlank()) {
            conditions.add("portal_fold(e.title || ' ' || e.description || ' ' || e.organiser || ' ' || coalesce(e.place_name, ''))"
                    + " LIKE '%' || replace(replace(replace(portal_fold(:q), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'");
            params.addValue("q", query.strip());
        }
        return jdbc.query(SELECT + " WHERE " + String.join(" AND ", conditions) + " ORDER BY e.starts_at, e.id", params,
                (rs, i) -> event(rs));
    }

    /** The dates of these events that start in [from, to), in time order, with free places. */
    @Transactional(readOnly = true)
    public List<Occurrence> occurrences(List<Event> events, LocalDateTime from, LocalDateTime to) {
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, Integer> free = freePlaces(events);
        for (Event event : events) {
            for (LocalDateTime start : Recurrences.starts(event, from, to)) {
                occurrences.add(new Occurrence(event, start, freeAt(event, start, free)));
            }
        }
        occurrences.sort(Comparator.comparing(Occurrence::localStart).thenComparing(o -> o.event().title()));
        return occurrences;
    }

    /** Upcoming dates: those that have not ended yet. */
    @Transactional(readOnly = true)
    public List<Occurrence> upcoming(String category, String query, LocalDateTime until) {
        LocalDateTime now = now();
        List<Event> events = published(category, query, now.minusDays(1), until, false);
        return occurrences(events, now.minusDays(1), until).stream()
                .filter(o -> o.end().toLocalDateTime().isAfter(now)).toList();
    }

    private Integer freeAt(Event event, LocalDateTime start, Map<String, Integer> free) {
        if (event.capacity() == null) {
            return null;
        }
        return free.getOrDefault(event.id() + "@" + start, event.capacity());
    }

    private Map<String, Integer> freePlaces(List<Event> events) {
        Map<String, Integer> free = new HashMap<>();
        List<Long> ids = events.stream().filter(Event::registration).map(Event::id).toList();
        if (ids.isEmpty()) {
            return free;
        }
        jdbc.query("SELECT event_id, starts_at, capacity - booked AS free FROM event_occurrence WHERE event_id IN (:ids)",
                Map.of("ids", ids), rs -> {
                    free.put(rs.getLong("event_id") + "@" + rs.getObject("starts_at", LocalDateTime.class), rs.getInt("free"));
                });
        return free;
    }

    // ------------------------------------------------------------------ registrations

    /**
     * Registers for one date. Confirmed while places are free, otherwise on the waiting list.
     *
     * @return the outcome, with the token of the cancel link
     */
    public RegistrationOutcome register(Event event, LocalDateTime start, Registrant registrant) {
        if (!event.registration() || event.cancelled() || !Recurrences.isDate(event, start) || !start.isAfter(now())) {
            throw new IllegalArgumentException("no registration for " + event.slug() + " at " + start);
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("event", event.id()).addValue("start", start)
                .addValue("capacity", event.capacity());
        jdbc.update("""
                INSERT INTO event_occurrence (event_id, starts_at, capacity) VALUES (:event, :start, :capacity)
                ON CONFLICT (event_id, starts_at) DO NOTHING""", params);
        Map<String, Object> occurrence = jdbc.queryForMap(
                "SELECT id, capacity, booked FROM event_occurrence WHERE event_id = :event AND starts_at = :start FOR UPDATE", params);
        long occurrenceId = ((Number) occurrence.get("id")).longValue();
        int capacity = ((Number) occurrence.get("capacity")).intValue();
        int booked = ((Number) occurrence.get("booked")).intValue();
        boolean confirmed = booked + registrant.people() <= capacity;
        if (confirmed) {
            jdbc.update("UPDATE event_occurrence SET booked = booked + :people WHERE id = :id",
                    Map.of("people", registrant.people(), "id", occurrenceId));
        }
        String token = Tokens.newToken();
        String status = confirmed ? "CONFIRMED" : "WAITING";
        Long id = jdbc.queryForObject("""
                INSERT INTO event_registration (occurrence_id, name, email, organisation, people, status, token_hash)
                VALUES (:occurrence, :name, :email, :organisation, :people, :status, :token) RETURNING id""",
                new MapSqlParameterSource().addValue("occurrence", occurrenceId).addValue("name", registrant.name())
                        .addValue("email", registrant.email()).addValue("organisation", registrant.organisation())
                        .addValue("people", registrant.people()).addValue("status", status)
                        .addValue("token", Tokens.hash(token)), Long.class);
        Locale locale = LocaleContextHolder.getLocale();
        String when = start.format(WHEN);
        String cancelLink = properties.baseUrl() + "/veranstaltungen/abmelden?token=" + token;
        mailOutbox.queue(registrant.email(),
                messages.getMessage(confirmed ? "events.mail.confirmed.subject" : "events.mail.waiting.subject",
                        new Object[] {event.title()}, locale),
                messages.getMessage(confirmed ? "events.mail.confirmed.body" : "events.mail.waiting.body",
                        new Object[] {registrant.name(), event.title(), when, registrant.people(), cancelLink,
                                properties.baseUrl() + "/veranstaltungen/" + event.slug() + ".ics",
                                place(event)}, locale),
                // a place on the waiting list is no appointment yet
                confirmed ? appointment(event, start, cancelLink) : null);
        return new RegistrationOutcome(id, confirmed, token);
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationView> registrationByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query(REGISTRATIONS + """
                WHERE r.token_hash = :hash""", Map.of("hash", Tokens.hash(token)), (rs, i) -> registration(rs))
                .stream().findFirst();
    }

    /** Cancels by the link from the mail; free places go to the waiting list. False if already cancelled. */
    public boolean cancelRegistration(String token) {
        Optional<RegistrationView> found = registrationByToken(token);
        if (found.isEmpty()) {
            return false;
        }
        long occurrenceId = jdbc.queryForObject("SELECT occurrence_id FROM event_registration WHERE id = :id",
                Map.of("id", found.get().id()), Long.class);
        lockOccurrence(occurrenceId);
        // read again under the lock: a second click must not free the places twice
        RegistrationView registration = registrationByToken(token).orElseThrow();
        if (registration.status().equals("CANCELLED")) {
            return false;
        }
        jdbc.update("UPDATE event_registration SET status = 'CANCELLED', updated_at = now() WHERE id = :id",
                Map.of("id", registration.id()));
        if (registration.status().equals("CONFIRMED")) {
            jdbc.update("UPDATE event_occurrence SET booked = booked - :people WHERE id = :id",
                    Map.of("people", registration.people(), "id", occurrenceId));
            moveUp(occurrenceId);
        }
        return true;
    }

    private Map<String, Object> lockOccurrence(long occurrenceId) {
        return jdbc.queryForMap("SELECT id, capacity, booked FROM event_occurrence WHERE id = :id FOR UPDATE",
                Map.of("id", occurrenceId));
    }

    /** Waiting registrations, oldest first, get every place that fits them; each gets a mail. Needs the row lock. */
    private void moveUp(long occurrenceId) {
        Map<String, Object> occurrence = lockOccurrence(occurrenceId);
        int free = ((Number) occurrence.get("capacity")).intValue() - ((Number) occurrence.get("booked")).intValue();
        List<RegistrationView> waiting = jdbc.query(REGISTRATIONS + """
                WHERE r.occurrence_id = :id AND r.status = 'WAITING' ORDER BY r.id""",
                Map.of("id", occurrenceId), (rs, i) -> registration(rs));
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationView registration : waiting) {
            if (registration.people() > free) {
                continue;
            }
            free -= registration.people();
            jdbc.update("UPDATE event_registration SET status = 'CONFIRMED', updated_at = now() WHERE id = :id",
                    Map.of("id", registration.id()));
            jdbc.update("UPDATE event_occurrence SET booked = booked + :people WHERE id = :id",
                    Map.of("people", registration.people(), "id", occurrenceId));
            mailOutbox.queue(registration.email(),
                    messages.getMessage("events.mail.movedUp.subject", new Object[] {registration.title()}, locale),
                    messages.getMessage("events.mail.movedUp.body", new Object[] {registration.name(), registration.title(),
                            registration.start().format(WHEN),
                            properties.baseUrl() + "/veranstaltungen/" + registration.slug() + ".ics"}, locale),
                    appointment(find(registration.slug()).orElseThrow(), registration.start(), null));
        }
    }

    /** Every registration of an event (staff), by date and order of arrival. */
    @Transactional(readOnly = true)
    public List<RegistrationView> registrations(long eventId) {
        return jdbc.query(REGISTRATIONS + """
                WHERE e.id = :id ORDER BY o.starts_at, CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITING' THEN 1 ELSE 2 END, r.id""",
                Map.of("id", eventId), (rs, i) -> registration(rs));
    }

    // ------------------------------------------------------------------ staff

    @Transactional(readOnly = true)
    public boolean slugTaken(String slug, Long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM event WHERE slug = :slug AND id <> :id)",
                new MapSqlParameterSource("slug", slug).addValue("id", exceptId == null ? -1L : exceptId), Boolean.class));
    }

    @Transactional(readOnly = true)
    public boolean categoryExists(String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM event_category WHERE slug = :slug)",
                Map.of("slug", slug), Boolean.class));
    }

    /** Creates (id null) or changes an event. */
    public long save(Long id, EventData data) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("slug", data.slug()).addValue("title", data.title()).addValue("category", data.category())
                .addValue("description", data.description() == null ? "" : data.description())
                .addValue("start", data.start()).addValue("end", data.end()).addValue("rrule", Recurrences.normalise(data.rrule()))
                .addValue("placeName", blankToNull(data.placeName())).addValue("street", blankToNull(data.street()))
                .addValue("postalCode", blankToNull(data.postalCode())).addValue("city", blankToNull(data.city()))
                .addValue("onlineUrl", blankToNull(data.onlineUrl())).addValue("organiser", data.organiser())
                .addValue("capacity", data.capacity());
        Map<String, Object> before = id == null ? Map.of() : snapshot(find(id).orElseThrow());
        if (id == null) {
            id = jdbc.queryForObject("""
                    INSERT INTO event (slug, title, category_id, description, starts_at, ends_at, rrule, place_name, street,
                                       postal_code, city, online_url, organiser, capacity)
                    VALUES (:slug, :title, (SELECT id FROM event_category WHERE slug = :category), :description, :start, :end,
                            :rrule, :placeName, :street, :postalCode, :city, :onlineUrl, :organiser, :capacity)
                    RETURNING id""", params, Long.class);
        } else {
            params.addValue("id", id);
            jdbc.update("""
                    UPDATE event SET slug = :slug, title = :title,
                        category_id = (SELECT id FROM event_category WHERE slug = :category), description = :description,
                        starts_at = :start, ends_at = :end, rrule = :rrule, place_name = :placeName, street = :street,
                        postal_code = :postalCode, city = :city, online_url = :onlineUrl, organiser = :organiser,
                        capacity = :capacity, updated_at = now()
                    WHERE id = :id""", params);
            if (data.capacity() != null) {
                // never below what is already booked: those places stay promised
                jdbc.update("UPDATE event_occurrence SET capacity = GREATEST(:capacity, booked) WHERE event_id = :id", params);
                for (Long occurrence : jdbc.queryForList("SELECT id FROM event_occurrence WHERE event_id = :id ORDER BY id",
                        params, Long.class)) {
                    moveUp(occurrence);
                }
            }
        }
        Event old = before.isEmpty() ? null : find(id).orElseThrow();
        Set<LocalDate> oldExceptions = old == null ? Set.of() : old.exceptions();
        Map<LocalDate, LocalDateTime> oldMoves = old == null ? Map.of() : old.moves();
        jdbc.update("DELETE FROM event_exception WHERE event_id = :id", Map.of("id", id));
        for (LocalDate day : data.exceptions()) {
            jdbc.update("INSERT INTO event_exception (event_id, day) VALUES (:id, :day)", Map.of("id", id, "day", day));
        }
        for (Map.Entry<LocalDate, LocalDateTime> move : data.moves().entrySet()) {
            jdbc.update("""
                    INSERT INTO event_exception (event_id, day, moved_to) VALUES (:id, :day, :movedTo)
                    ON CONFLICT (event_id, day) DO UPDATE SET moved_to = EXCLUDED.moved_to""",
                    new MapSqlParameterSource("id", id).addValue("day", move.getKey()).addValue("movedTo", move.getValue()));
        }
        Event saved = find(id).orElseThrow();
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
        auditLog.record(ENTITY, id, before.isEmpty() ? "CREATED" : "CHANGED", before, snapshot(saved));
        return id;
    }

    /** Cancels the whole event; everyone registered for a coming date gets a mail. */
    public boolean cancel(long id) {
        Event event = find(id).orElseThrow();
        if (event.cancelled()) {
            return false;
        }
        jdbc.update("UPDATE event SET status = 'CANCELLED', updated_at = now() WHERE id = :id", Map.of("id", id));
        tellRegistrants(event, null, "events.mail.eventCancelled");
        auditLog.record(ENTITY, id, "CANCELLED", Map.of("status", event.status()), Map.of("status", "CANCELLED"));
        return true;
    }

    /** Mails everyone still registered for coming dates (all, or those on one day) and cancels their registrations. */

    /**
     * A moved date takes its registrations along (when nobody registered for the new time yet);
     * everyone registered gets the new time by mail, with the new date as a calendar file.
     */
    private void moveRegistrations(Event event, LocalDateTime from, LocalDateTime to) {
        int moved = jdbc.update("""
                UPDATE event_occurrence SET starts_at = :to WHERE event_id = :event AND starts_at = :from
                AND NOT EXISTS (SELECT 1 FROM event_occurrence o WHERE o.event_id = :event AND o.starts_at = :to)""",
                new MapSqlParameterSource("event", event.id()).addValue("from", from).addValue("to", to));
        if (moved == 0) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationView registration : jdbc.query(REGISTRATIONS + """
                WHERE e.id = :event AND o.starts_at = :to AND r.status <> 'CANCELLED' ORDER BY r.id""",
                new MapSqlParameterSource("event", event.id()).addValue("to", to), (rs, i) -> registration(rs))) {
            mailOutbox.queue(registration.email(),
                    messages.getMessage("events.mail.dateMoved.subject", new Object[] {event.title()}, locale),
                    messages.getMessage("events.mail.dateMoved.body", new Object[] {registration.name(), event.title(),
                            from.format(WHEN), to.format(WHEN)}, locale),
                    registration.confirmed() ? appointment(event, to, null) : null);
        }
    }

    private void tellRegistrants(Event event, LocalDate day, String key) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", event.id()).addValue("now", now());
        String onDay = "";
        if (day != null) {
            onDay = " AND o.starts_at >= :day AND o.starts_at < :nextDay";
            params.addValue("day", day.atStartOfDay()).addValue("nextDay", day.plusDays(1).atStartOfDay());
        }
        List<RegistrationView> affected = jdbc.query(REGISTRATIONS + """
                WHERE e.id = :id AND r.status <> 'CANCELLED' AND o.starts_at > :now""" + onDay + " ORDER BY r.id",
                params, (rs, i) -> registration(rs));
        Locale locale = LocaleContextHolder.getLocale();
        for (RegistrationView registration : affected) {
            mailOutbox.queue(registration.email(),
                    messages.getMessage(key + ".subject", new Object[] {event.title()}, locale),
                    messages.getMessage(key + ".body", new Object[] {registration.name(), event.title(),
                            registration.start().format(WHEN)}, locale));
            jdbc.update("UPDATE event_registration SET status = 'CANCELLED', updated_at = now() WHERE id = :id",
                    Map.of("id", registration.id()));
        }
        jdbc.update("UPDATE event_occurrence o SET booked = 0 WHERE event_id = :id AND starts_at > :now" + onDay, params);
    }

    private static Map<String, Object> snapshot(Event event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("slug", event.slug());
        values.put("title", event.title());
        values.put("category", event.categorySlug());
        values.put("start", event.start());
        values.put("end", event.end());
        values.put("rrule", event.rrule());
        values.put("exceptions", event.exceptions());
        values.put("moves", event.moves());
        values.put("place", event.placeName());
        values.put("onlineUrl", event.onlineUrl());
        values.put("organiser", event.organiser());
        values.put("capacity", event.capacity());
        values.put("status", event.status());
        values.put("descriptionLength", event.description().length());
        return values;
    }

    /** The registered date as a calendar file; its UID names the event and the date, so it never doubles. */
    private Attachment appointment(Event event, LocalDateTime start, String cancelLink) {
        return AppointmentCalendar.attachment(
                "event-" + event.id() + "-" + start.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")) + "@stadtportal",
                event.title(), start, start.plus(event.duration()), place(event),
                cancelLink == null ? null : messages.getMessage("events.ics.cancel", new Object[] {cancelLink},
                        LocaleContextHolder.getLocale()),
                properties.baseUrl() + "/veranstaltungen/" + event.slug());
    }

    String place(Event event) {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Event event(ResultSet rs) throws SQLException {
        Set<LocalDate> exceptions = new TreeSet<>();
        Array days = rs.getArray("exception_days");
        if (days != null) {
            for (Object day : (Object[]) days.getArray()) {
                exceptions.add(day instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(day.toString()));
            }
        }
        Map<LocalDate, LocalDateTime> moves = new java.util.TreeMap<>();
        Object[] movedDays = (Object[]) rs.getArray("moved_days").getArray();
        Object[] movedStarts = (Object[]) rs.getArray("moved_starts").getArray();
        for (int i = 0; i < movedDays.length; i++) {
            moves.put(((java.sql.Date) movedDays[i]).toLocalDate(), ((java.sql.Timestamp) movedStarts[i]).toLocalDateTime());
        }
        return new Event(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("category_slug"),
                rs.getString("category_name"), rs.getString("description"),
                rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                rs.getString("rrule"), Set.copyOf(exceptions), Map.copyOf(moves), rs.getString("place_name"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("online_url"), rs.getString("organiser"),
                (Integer) rs.getObject("capacity"), rs.getString("status"), rs.getBoolean("example"));
    }

    private static RegistrationView registration(ResultSet rs) throws SQLException {
        return new RegistrationView(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                rs.getObject("starts_at", LocalDateTime.class), rs.getString("name"), rs.getString("email"),
                rs.getString("organisation"), rs.getInt("people"), rs.getString("status"),
                rs.getObject("created_at", java.time.OffsetDateTime.class));
    }

    public record Category(String slug, String name) {
    }

    public record Registrant(String name, String email, String organisation, int people) {
    }

    public record RegistrationOutcome(long id, boolean confirmed, String token) {
    }

    public record RegistrationView(long id, String slug, String title, LocalDateTime start, String name, String email,
                                   String organisation, int people, String status, java.time.OffsetDateTime createdAt) {

        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        public boolean waiting() {
            return "WAITING".equals(status);
        }
    }

    /** What staff enter for an event. */
    public record EventData(String slug, String title, String category, String description, LocalDateTime start,
                            LocalDateTime end, String rrule, Set<LocalDate> exceptions, Map<LocalDate, LocalDateTime> moves,
                            String placeName, String street,
                            String postalCode, String city, String onlineUrl, String organiser, Integer capacity) {
    }
}
