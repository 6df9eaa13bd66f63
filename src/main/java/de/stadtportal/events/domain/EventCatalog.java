package de.stadtportal.events.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading events: categories, one event, the published ones in a window, their dates with free places. */
@Service
@Transactional(readOnly = true)
public class EventCatalog {

    /** The sequence V72's triggers advance on every write to the events' tables. */
    static final String VERSION = "events_data_version";

    static final String SELECT = """
            SELECT e.*, c.slug AS category_slug, c.name AS category_name, c.name_en AS category_name_en,
                   ARRAY(SELECT x.day FROM event_exception x WHERE x.event_id = e.id ORDER BY x.day) AS exception_days,
                   ARRAY(SELECT x.day FROM event_exception x WHERE x.event_id = e.id AND x.moved_to IS NOT NULL
                         ORDER BY x.day) AS moved_days,
                   ARRAY(SELECT x.moved_to FROM event_exception x WHERE x.event_id = e.id AND x.moved_to IS NOT NULL
                         ORDER BY x.day) AS moved_starts
            FROM event e JOIN event_category c ON c.id = e.category_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PortalProperties properties;
    private final EventDates dates;
    /** The coming dates of all published events as of one data version, see {@link #upcoming}. */
    private volatile Upcoming upcoming;

    EventCatalog(JdbcClient jdbc, Clock clock, PortalProperties properties, EventDates dates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.dates = dates;
    }

    /** Now in Bottrop, the time every event is stored in. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
    }

    public String baseUrl() {
        return properties.baseUrl();
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT slug, name FROM event_category ORDER BY position, name")
                .query((rs, i) -> new Category(rs.getString("slug"), rs.getString("name"))).list();
    }

    public boolean categoryExists(String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_category WHERE slug = :slug)").param("slug", slug)
                .query(Boolean.class).single();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event WHERE slug = :slug AND id <> :id)")
                .param("slug", slug).param("id", exceptId == null ? -1L : exceptId).query(Boolean.class).single();
    }

    public Optional<Event> find(String slug) {
        return jdbc.sql(SELECT + " WHERE e.slug = :slug").param("slug", slug).query(EVENT).optional();
    }

    public Optional<Event> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(EVENT).optional();
    }

    /** Every event for staff, newest first. */
    public List<Event> all() {
        return jdbc.sql(SELECT + " ORDER BY e.starts_at DESC, e.id DESC LIMIT 500").query(EVENT).list();
    }

    /** Published events (of a category, matching a text) that may have a date in [from, to). */
    public List<Event> published(String category, String query, LocalDateTime from, LocalDateTime to, boolean withCancelled) {
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to, "published", EventStatus.PUBLISHED.name()));
        List<String> conditions = new ArrayList<>();
        if (withCancelled) {
            conditions.add("e.status IN (:published, :cancelled)");
            params.put("cancelled", EventStatus.CANCELLED.name());
        } else {
            conditions.add("e.status = :published");
        }
        conditions.add("e.starts_at < :to");
        // a single event ends after the window starts; a series may still have dates
        conditions.add("(e.rrule IS NOT NULL OR e.ends_at > :from)");
        if (category != null && !category.isBlank()) {
            conditions.add("c.slug = :category");
            params.put("category", category);
        }
        if (query != null && !query.isBlank()) {
            conditions.add("portal_fold(e.title || ' ' || e.description || ' ' || e.organiser || ' ' || coalesce(e.place_name, ''))"
                    + " LIKE '%' || replace(replace(replace(portal_fold(:q), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'");
            params.put("q", query.strip());
        }
        return jdbc.sql(SELECT + " WHERE " + String.join(" AND ", conditions) + " ORDER BY e.starts_at, e.id")
                .params(params).query(EVENT).list();
    }

    /** The dates of these events that start in [from, to), in time order, with free places. */
    public List<Occurrence> occurrences(List<Event> events, LocalDateTime from, LocalDateTime to) {
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, Integer> free = freePlaces(events);
        Map<Long, List<LocalDateTime>> stored = dates.stored(events, from, to);
        for (Event event : events) {
            List<LocalDateTime> starts = stored.get(event.id());
            for (LocalDateTime start : starts != null ? starts : Recurrences.starts(event, from, to)) {
                occurrences.add(new Occurrence(event, start, freeAt(event, start, free)));
            }
        }
        occurrences.sort(Comparator.comparing(Occurrence::localStart).thenComparing(o -> o.event().title()));
        return occurrences;
    }

    /**
     * Upcoming dates: those that have not ended yet. Without a query they come from the dates of all
     * published events kept in memory for the current data version (V72's triggers advance it on
     * every write to the events' tables, whichever instance wrote) and the current day; a request
     * only filters them.
     */
    public List<Occurrence> upcoming(String category, String query, LocalDateTime until) {
        LocalDateTime now = now();
        LocalDateTime from = now.minusDays(1);
        if (query == null || query.isBlank()) {
            Upcoming kept = upcoming;
            long version = dataVersion();
            if (kept == null || kept.version() != version || now.isBefore(kept.asOf()) || !now.isBefore(kept.asOf().plusDays(1))
                    || until.isAfter(kept.until())) {
                LocalDateTime keptUntil = until.isAfter(now.plusMonths(KEPT_MONTHS)) ? until : now.plusMonths(KEPT_MONTHS).plusDays(1);
                kept = new Upcoming(version, now, keptUntil, occurrences(published(null, null, from, keptUntil, false), from, keptUntil));
                upcoming = kept;
            }
            String categorySlug = category == null || category.isBlank() ? null : category;
            return kept.occurrences().stream()
                    .filter(o -> categorySlug == null || categorySlug.equals(o.event().categorySlug()))
                    .filter(o -> !o.localStart().isBefore(from) && o.localStart().isBefore(until))
                    .filter(o -> o.end().toLocalDateTime().isAfter(now)).toList();
        }
        List<Event> events = published(category, query, from, until, false);
        return occurrences(events, from, until).stream()
                .filter(o -> o.end().toLocalDateTime().isAfter(now)).toList();
    }

    /** How far ahead the kept coming dates reach: the lists look 12 months ahead. */
    private static final int KEPT_MONTHS = 12;

    private record Upcoming(long version, LocalDateTime asOf, LocalDateTime until, List<Occurrence> occurrences) {
    }

    /** The events' data version (is_called tells the untouched sequence from the one after its first change). */
    public long dataVersion() {
        return jdbc.sql("SELECT last_value + is_called::int FROM " + VERSION).query(Long.class).single();
    }

    private static Integer freeAt(Event event, LocalDateTime start, Map<String, Integer> free) {
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
        jdbc.sql("SELECT event_id, starts_at, capacity - booked AS free FROM event_occurrence WHERE event_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    free.put(rs.getLong("event_id") + "@" + rs.getObject("starts_at", LocalDateTime.class), rs.getInt("free"));
                });
        return free;
    }

    /** The values staff changes are audited with. */
    static Map<String, Object> snapshot(Event event) {
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

    static final RowMapper<Event> EVENT = (rs, i) -> event(rs);

    private static Event event(ResultSet rs) throws SQLException {
        Set<LocalDate> exceptions = new TreeSet<>();
        Array days = rs.getArray("exception_days");
        if (days != null) {
            for (Object day : (Object[]) days.getArray()) {
                exceptions.add(day instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(day.toString()));
            }
        }
        Map<LocalDate, LocalDateTime> moves = new TreeMap<>();
        Object[] movedDays = (Object[]) rs.getArray("moved_days").getArray();
        Object[] movedStarts = (Object[]) rs.getArray("moved_starts").getArray();
        for (int i = 0; i < movedDays.length; i++) {
            moves.put(((java.sql.Date) movedDays[i]).toLocalDate(), ((Timestamp) movedStarts[i]).toLocalDateTime());
        }
        return new Event(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("category_slug"),
                rs.getString("category_name"), rs.getString("description"),
                rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                rs.getString("rrule"), Set.copyOf(exceptions), Map.copyOf(moves), rs.getString("place_name"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("online_url"), rs.getString("organiser"),
                (Integer) rs.getObject("capacity"), EventStatus.valueOf(rs.getString("status")), rs.getBoolean("example"),
                rs.getString("title_en"), rs.getString("description_en"), rs.getString("category_name_en"));
    }

    public record Category(String slug, String name) {
    }
}
