package de.stadtportal.skilledworkers.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Fachkräftesicherung (portal.skilled-workers.*).
 *
 * @param inquiryRetentionMonths closed inquiries are deleted this many months after they were closed
 * @param inquiriesPerHour       inquiries one client address may send per hour
 * @param retentionCron          when the deletion job runs (Europe/Berlin)
 * @param offerValidityDays      a published offer is listed this many days, then it expires unless renewed
 * @param offerReminderDays      the owner is reminded this many days before the offer expires
 */
@ConfigurationProperties("portal.skilled-workers")
public record SkilledWorkersProperties(@DefaultValue("12") int inquiryRetentionMonths,
                                       @DefaultValue("5") int inquiriesPerHour,
                                       @DefaultValue("0 30 3 * * *") String retentionCron,
                                       @DefaultValue("90") int offerValidityDays,
                                       @DefaultValue("14") int offerReminderDays) {

    public SkilledWorkersProperties {
        if (inquiryRetentionMonths < 1) {
            throw new IllegalArgumentException("portal.skilled-workers.inquiry-retention-months must be at least 1");
        }
        if (offerValidityDays < 1 || offerReminderDays < 0 || offerReminderDays >= offerValidityDays) {
            throw new IllegalArgumentException("portal.skilled-workers: offer-validity-days must be positive and larger than offer-reminder-days");
        }
        if (inquiriesPerHour < 1) {
            throw new IllegalArgumentException("portal.skilled-workers.inquiries-per-hour must be at least 1");
        }
    }
}
