package de.stadtportal.fairtrade.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day: when the current term of the title ends within the configured months (three), staff
 * get one mail to start the renewal questionnaire in time. Several instances may run this: an
 * advisory lock lets one of them do it, and the term remembers that it was reminded.
 */
@Component
public class ExpiryReminder {

    private static final long LOCK_KEY = 4_711_010L;

    private final NamedParameterJdbcTemplate jdbc;
    private final TitleService title;
    private final FairtradeProperties settings;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final PortalProperties properties;

    ExpiryReminder(NamedParameterJdbcTemplate jdbc, TitleService title, FairtradeProperties settings, MailOutbox outbox,
                   MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.title = title;
        this.settings = settings;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
    }

    @Scheduled(cron = "${portal.fairtrade.reminder-cron:0 15 7 * * *}", zone = "Europe/Berlin")
    // the transaction (and with it the advisory lock) must span the whole run: the call below stays inside
    // this bean and would not pass through the proxy's @Transactional
    @Transactional
    void remindDaily() {
        remind();
    }

    /** @return whether a mail was queued */
    @Transactional
    public boolean remind() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(:key)", Map.of("key", LOCK_KEY),
                Boolean.class))) {
            return false;
        }
        LocalDate today = title.today();
        return title.current().filter(term -> term.runsOn(today))
                .filter(term -> !today.isBefore(term.validUntil().minusMonths(settings.reminderMonths())))
                .map(term -> {
                    // only the first instance that gets here marks and mails
                    if (jdbc.update("UPDATE fairtrade_term SET reminded_at = now() WHERE id = :id AND reminded_at IS NULL",
                            Map.of("id", term.id())) == 0) {
                        return false;
                    }
                    Object[] args = {term.validUntil().getDayOfMonth() + "." + term.validUntil().getMonthValue() + "."
                            + term.validUntil().getYear(), properties.baseUrl() + "/admin/fairtrade/bericht"};
                    outbox.queue(settings.staffEmail(), messages.getMessage("fairtrade.mail.expiry.subject", args, Locale.GERMAN),
                            messages.getMessage("fairtrade.mail.expiry.body", args, Locale.GERMAN));
                    return true;
                }).orElse(false);
    }
}
