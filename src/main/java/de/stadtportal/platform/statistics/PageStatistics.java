package de.stadtportal.platform.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which public pages people use: the seed reports the city wanted to know exactly this. */
@Service
@Transactional(readOnly = true)
public class PageStatistics {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PageStatistics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The most visited paths of the last {@code days} days, today included. */
    public List<PageCount> mostVisited(int days, int limit) {
        LocalDate since = LocalDate.now(clock).minusDays(days - 1L);
        return jdbc.query("""
                SELECT path, sum(views) AS views FROM page_view WHERE day >= ?
                GROUP BY path ORDER BY views DESC, path LIMIT ?""",
                (rs, i) -> new PageCount(rs.getString("path"), rs.getLong("views")), since, limit);
    }

    public record PageCount(String path, long views) {
    }
}
