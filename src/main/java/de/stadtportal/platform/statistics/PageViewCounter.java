package de.stadtportal.platform.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts page views in memory and writes them in one batch now and then, so counting adds no
 * database work to a page. Bounded, so a flood of distinct paths cannot fill the memory.
 */
@Component
class PageViewCounter {

    static final int MAX_KEYS = 10_000;

    private record Key(LocalDate day, String path) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PageViewCounter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void count(String path) {
        Key key = new Key(LocalDate.now(clock), path);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            if (counts.size() >= MAX_KEYS) {
                return;
            }
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    @Scheduled(fixedDelayString = "${portal.statistics.flush-interval:30s}")
    @PreDestroy
    synchronized void flush() {
        List<Object[]> rows = new ArrayList<>();
        for (Key key : List.copyOf(counts.keySet())) {
            LongAdder adder = counts.remove(key);
            long views = adder == null ? 0 : adder.sumThenReset();
            if (views > 0) {
                rows.add(new Object[] {key.day(), key.path(), views});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO page_view (day, path, views) VALUES (?, ?, ?)
                    ON CONFLICT (day, path) DO UPDATE SET views = page_view.views + EXCLUDED.views""", rows);
        }
    }
}
