package de.stadtportal.directory.domain;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory.
 *
 * @param approveChangesFirst  owners' changes to a published listing wait for staff instead of going live at once
 * @param confirmationInterval after this long without a confirmation a listing is flagged and its owner reminded
 * @param claimValidity        how long a claim invitation can be used
 * @param reportsPerHour       how many "Daten veraltet?" reports one client address may send per hour
 * @param postalCodes          the town's postcodes, single ones or ranges ("46236-46244"): only listings in the town
 * @param searchInMemory       match and rank searches in memory ({@link BusinessIndex}); false: every search in PostgreSQL
 */
@ConfigurationProperties("portal.directory")
public record DirectoryProperties(@DefaultValue("false") boolean approveChangesFirst,
                                  @DefaultValue("365d") Duration confirmationInterval,
                                  @DefaultValue("14d") Duration claimValidity,
                                  @DefaultValue("5") int reportsPerHour,
                                  @DefaultValue("46236-46244") List<String> postalCodes,
                                  @DefaultValue("true") boolean searchInMemory) {

    /** Whether a five-digit postcode lies in the town. */
    public boolean inTown(String postalCode) {
        if (postalCode == null || !postalCode.matches("\\d{5}")) {
            return false;
        }
        int code = Integer.parseInt(postalCode);
        for (String entry : postalCodes) {
            String[] range = entry.strip().split("\\s*[-–]\\s*");
            int from = Integer.parseInt(range[0]);
            int to = Integer.parseInt(range[range.length - 1]);
            if (code >= from && code <= to) {
                return true;
            }
        }
        return false;
    }

    /** The postcodes as people read them: "46236–46244". */
    public String postalCodesText() {
        return String.join(", ", postalCodes.stream().map(entry -> entry.strip().replaceAll("\\s*-\\s*", "–")).toList());
    }
}
