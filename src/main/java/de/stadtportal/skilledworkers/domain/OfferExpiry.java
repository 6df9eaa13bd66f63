package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.skilledworkers.domain.OfferService.Offer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day: owners of offers that expire soon get one reminder with the link to renew; offers past their
 * date leave the public list. Several instances may run this: an advisory lock lets one of them do it.
 */
@Component
public class OfferExpiry {

    private static final long LOCK_KEY = 4_711_052L;

    private final JdbcClient jdbc;
    private final OfferService offers;
    private final AuditLog auditLog;
    private final PortalProperties portal;
    private final SkilledWorkersProperties settings;
    private final Clock clock;

    OfferExpiry(JdbcClient jdbc, OfferService offers, AuditLog auditLog, PortalProperties portal,
                SkilledWorkersProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.auditLog = auditLog;
        this.portal = portal;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${portal.skilled-workers.offer-cron:0 15 7 * * *}", zone = "Europe/Berlin")
    // the transaction (and with it the advisory lock) must span the whole run: the call below stays inside
    // this bean and would not pass through the proxy's @Transactional
    @Transactional
    void runDaily() {
        run();
    }

    /** @return how many offers were reminded about and how many expired */
    @Transactional
    public Result run() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
            return new Result(0, 0);
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CITY_ZONE));
        List<Offer> due = jdbc.sql("""
                        SELECT * FROM skilled_offer WHERE status = 'PUBLISHED' AND reminder_sent_at IS NULL
                          AND expires_on >= ? AND expires_on <= ? ORDER BY id LIMIT 1000""")
                .param(today).param(today.plusDays(settings.offerReminderDays())).query(OfferService.OFFER).list();
        for (Offer offer : due) {
            offers.mailOwner(offer, "skilledworkers.mail.offerExpiring", offer.title(), String.valueOf(offer.expiresOn()),
                    portal.baseUrl() + "/konto/fachkraefte/angebote");
            jdbc.sql("UPDATE skilled_offer SET reminder_sent_at = now() WHERE id = ?").param(offer.id()).update();
        }
        List<Long> expired = jdbc.sql("""
                        UPDATE skilled_offer SET status = 'EXPIRED', updated_at = now(), version = version + 1
                        WHERE status = 'PUBLISHED' AND expires_on < ? RETURNING id""")
                .param(today).query(Long.class).list();
        for (Long id : expired) {
            auditLog.record(OfferService.ENTITY, id, "EXPIRED", Map.of("status", OfferStatus.PUBLISHED),
                    Map.of("status", OfferStatus.EXPIRED));
        }
        return new Result(due.size(), expired.size());
    }

    public record Result(int reminded, int expired) {
    }
}
