package de.stadtportal.events.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.versions.DataVersion;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dates of each series, stored when it is saved (table event_date, V72), so lists read them
 * with one indexed query instead of expanding every rule per request. A series' stored dates cover
 * [dates_from, dates_until): from 25 months back (the archive shows 24) to 36 months ahead (lists
 * look 12 ahead). Outside that window, or when a change outdated them (a trigger sets dates_until
 * to NULL, whoever wrote), readers expand the rule as before. At start and every night the window
 * moves on and series without stored dates get them (so existing series are backfilled).
 */
@Component
public class EventDates {

    static final int MONTHS_BACK = 25;
    static final int MONTHS_AHEAD = 36;
    /** The nightly run renews series whose stored dates end sooner than this. */
    static final int MONTHS_KEPT_AHEAD = 14;
    private static final long LOCK_KEY = 4_711_072L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EventDates(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Stores the dates of one event (inside the saving transaction); a single event needs none. */
    @Transactional
    public void store(Event event) {
        jdbc.sql("DELETE FROM event_date WHERE event_id = :id").param("id", event.id()).update();
        if (!event.series()) {
            jdbc.sql("UPDATE event SET dates_from = NULL, dates_until = NULL WHERE id = :id").param("id", event.id()).update();
            return;
        }
        LocalDateTime from = today().minusMonths(MONTHS_BACK).atStartOfDay();
        LocalDateTime until = today().plusMonths(MONTHS_AHEAD).atStartOfDay();
        List<LocalDateTime> starts = new ArrayList<>();
        // a year at a time, each well below the expansion's guard; a rule that hits it ends the window there
        LocalDateTime covered = from;
        while (covered.isBefore(until)) {
            LocalDateTime next = covered.plusYears(1).isBefore(until) ? covered.plusYears(1) : until;
            List<LocalDateTime> slice = Recurrences.starts(event, covered, next);
            if (slice.size() >= Recurrences.MAX_DATES) {
                break;
            }
            starts.addAll(slice);
            covered = next;
        }
        if (!starts.isEmpty()) {
            jdbc.sql("INSERT INTO event_date (event_id, starts_at) SELECT :id, unnest(CAST(:starts AS TIMESTAMP[]))")
                    .param("id", event.id()).param("starts", starts.stream().map(LocalDateTime::toString).toArray(String[]::new))
                    .update();
        }
        jdbc.sql("UPDATE event SET dates_from = :from, dates_until = :until WHERE id = :id")
                .param("from", from).param("until", covered).param("id", event.id()).update();
    }

    /**
     * The stored starts in [from, to) of those series whose stored dates cover the whole window;
     * a series missing from the map is expanded by the caller.
     */
    Map<Long, List<LocalDateTime>> stored(List<Event> events, LocalDateTime from, LocalDateTime to) {
        List<Long> ids = events.stream().filter(Event::series).map(Event::id).toList();
        Map<Long, List<LocalDateTime>> stored = new HashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        jdbc.sql("""
                        SELECT e.id, d.starts_at FROM event e LEFT JOIN event_date d
                            ON d.event_id = e.id AND d.starts_at >= :from AND d.starts_at < :to
                        WHERE e.id IN (:ids) AND e.dates_from <= :from AND e.dates_until >= :to
                        ORDER BY e.id, d.starts_at""")
                .param("ids", ids).param("from", from).param("to", to)
                .query(rs -> {
                    List<LocalDateTime> starts = stored.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>());
                    LocalDateTime start = rs.getObject(2, LocalDateTime.class);
                    if (start != null) {
                        starts.add(start);
                    }
                });
        return stored;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        transaction.executeWithoutResult(status -> renew());
    }

    @Scheduled(cron = "${portal.events.dates-cron:0 45 2 * * *}", zone = PlatformConfiguration.CITY_ZONE_ID)
    void nightly() {
        transaction.executeWithoutResult(status -> renew());
    }

    /**
     * Stores the dates of every series without stored dates or whose window ends soon. Several
     * instances may run this: an advisory lock lets one of them do it. @return how many were stored
     */
    @Transactional
    public int renew() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
            return 0;
        }
        List<Long> due = jdbc.sql("""
                        SELECT id FROM event WHERE rrule IS NOT NULL
                          AND (dates_until IS NULL OR dates_until < :soon OR dates_from > :back) ORDER BY id""")
                .param("soon", today().plusMonths(MONTHS_KEPT_AHEAD).atStartOfDay())
                .param("back", today().minusMonths(MONTHS_BACK - 1).atStartOfDay())
                .query(Long.class).list();
        if (!due.isEmpty()) {
            DataVersion.advanceAfterCommit(jdbc, EventCatalog.VERSION);
        }
        for (Long id : due) {
            jdbc.sql(EventCatalog.SELECT + " WHERE e.id = :id").param("id", id).query(EventCatalog.EVENT).optional()
                    .ifPresent(this::store);
        }
        return due.size();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
    }
}
