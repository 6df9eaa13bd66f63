package de.stadtportal.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of one portal installation: who runs it (shown in Impressum, privacy notice and
 * accessibility statement) and where the embedded database keeps its data.
 */
@ConfigurationProperties("portal")
public record PortalProperties(String baseUrl, Mail mail, EmbeddedDatabase embeddedDatabase, Operator operator,
                               Accessibility accessibility) {

    /**
     * @param from             sender address of the portal's mails
     * @param schedulerEnabled whether this instance sends mail on its own schedule (tests call the sender directly)
     */
    public record Mail(String from, @DefaultValue("true") boolean schedulerEnabled) {
    }

    /** @param dataDirectory where the embedded PostgreSQL keeps its files; blank means a temporary directory */
    public record EmbeddedDatabase(String dataDirectory) {
    }

    /** The public body responsible for the portal (§ 5 DDG, § 18 MStV, Art. 13 DSGVO). */
    public record Operator(
            String name,
            String representedBy,
            String department,
            String street,
            String postalCode,
            String city,
            String phone,
            String email,
            String website,
            String vatId,
            String editorialResponsible,
            String dataProtectionOfficerName,
            String dataProtectionOfficerEmail,
            String dataProtectionOfficerPhone) {
    }

    /** Facts of the accessibility statement that change with the installation. */
    public record Accessibility(
            String statementDate,
            String lastReviewDate,
            String feedbackEmail,
            String feedbackPhone,
            String ombudsUrl) {
    }
}
