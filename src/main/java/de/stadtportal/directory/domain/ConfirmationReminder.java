package de.stadtportal.directory.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day: owners of stale listings ({@link Listings#STALE}, not confirmed for the configured
 * interval, 12 months) get one reminder; staff see those listings flagged. Several instances may run
 * this: an advisory lock lets one of them do it.
 */
@Component
public class ConfirmationReminder {

    private static final long LOCK_KEY = 4_711_002L;

    private final JdbcClient jdbc;
    private final Listings listings;
    private final ListingModeration moderation;
    private final PortalProperties properties;
    private final Clock clock;

    ConfirmationReminder(JdbcClient jdbc, Listings listings, ListingModeration moderation, PortalProperties properties,
                         Clock clock) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.moderation = moderation;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.directory.reminder-cron:0 0 7 * * *}", zone = PlatformConfiguration.CITY_ZONE_ID)
    // the transaction (and with it the advisory lock) must span the whole run: the call below stays inside
    // this bean and would not pass through the proxy's @Transactional
    @Transactional
    void remindDaily() {
        remind();
    }

    /** @return how many listings' owners were reminded */
    @Transactional
    public int remind() {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Boolean.class).single()) {
            return 0;
        }
        List<Due> due = jdbc.sql("SELECT b.id, b.name FROM business b WHERE b.reminder_sent_at IS NULL AND " + Listings.STALE
                        + " AND EXISTS (SELECT 1 FROM business_owner o WHERE o.business_id = b.id) ORDER BY b.id LIMIT 1000")
                .param("staleBefore", listings.staleBefore())
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("name")))
                .list();
        // no request, no reader's language: the portal's first language
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            for (Due listing : due) {
                moderation.mailOwners(listing.id(), "directory.mail.confirmReminder", listing.name(),
                        properties.baseUrl() + "/konto/eintraege");
                jdbc.sql("UPDATE business SET reminder_sent_at = :now WHERE id = :id")
                        .param("id", listing.id()).param("now", OffsetDateTime.now(clock)).update();
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return due.size();
    }

    private record Due(long id, String name) {
    }
}
