package de.stadtportal.directory.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.platform.PortalProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day: owners of listings not confirmed for the configured interval (12 months) get one
 * reminder; staff see those listings flagged. Several instances may run this: an advisory lock
 * lets one of them do it.
 */
@Component
public class ConfirmationReminder {

    private static final long LOCK_KEY = 4_711_002L;

    private final NamedParameterJdbcTemplate jdbc;
    private final ListingService listings;
    private final DirectoryProperties settings;
    private final PortalProperties properties;

    ConfirmationReminder(NamedParameterJdbcTemplate jdbc, ListingService listings, DirectoryProperties settings,
                         PortalProperties properties) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.settings = settings;
        this.properties = properties;
    }

    @Scheduled(cron = "${portal.directory.reminder-cron:0 0 7 * * *}", zone = "Europe/Berlin")
    void remindDaily() {
        remind();
    }

    /** @return how many listings' owners were reminded */
    @Transactional
    public int remind() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(:key)", Map.of("key", LOCK_KEY),
                Boolean.class))) {
            return 0;
        }
        List<Due> due = jdbc.query("""
                SELECT b.id, b.name FROM business b
                WHERE b.status = 'PUBLISHED' AND b.reminder_sent_at IS NULL
                  AND (b.last_confirmed_at IS NULL OR b.last_confirmed_at < :before)
                  AND EXISTS (SELECT 1 FROM business_owner o WHERE o.business_id = b.id)
                ORDER BY b.id LIMIT 1000""",
                new MapSqlParameterSource("before", OffsetDateTime.now().minus(settings.confirmationInterval())),
                (rs, i) -> new Due(rs.getLong("id"), rs.getString("name")));
        // no request, no reader's language: the portal's first language
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            for (Due listing : due) {
                listings.mailOwners(listing.id(), "mail.confirmReminder", listing.name(),
                        properties.baseUrl() + "/konto/eintraege");
                jdbc.update("UPDATE business SET reminder_sent_at = now() WHERE id = :id", Map.of("id", listing.id()));
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return due.size();
    }

    private record Due(long id, String name) {
    }
}
