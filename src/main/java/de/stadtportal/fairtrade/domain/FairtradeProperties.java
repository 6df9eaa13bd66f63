package de.stadtportal.fairtrade.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Fairtrade-Town.
 *
 * @param population     inhabitants of the town; the civil-society target follows from it
 * @param reminderMonths how many months before the title expires staff get one mail
 * @param staffEmail     where that mail goes (the coordinating office's mailbox)
 */
@ConfigurationProperties("portal.fairtrade")
public record FairtradeProperties(@DefaultValue("117000") int population,
                                  @DefaultValue("3") int reminderMonths,
                                  @DefaultValue("wirtschaftsfoerderung@bottrop.de") String staffEmail) {
}
