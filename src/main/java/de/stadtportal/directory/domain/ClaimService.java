package de.stadtportal.directory.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.Tokens;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims: staff list a business that has not registered and invite it by mail; the expiring,
 * single-use link lets the business take the listing over (with its existing account or a new one).
 */
@Service
@Transactional
public class ClaimService {

    private final JdbcClient jdbc;
    private final Listings listings;
    private final ListingRegistration registration;
    private final AccountApi accounts;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final DirectoryProperties settings;
    private final Clock clock;

    ClaimService(JdbcClient jdbc, Listings listings, ListingRegistration registration, AccountApi accounts,
                 MailOutbox mailOutbox, AuditLog auditLog, MessageSource messages, PortalProperties properties,
                 DirectoryProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.registration = registration;
        this.accounts = accounts;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** Mails the invitation; only the token's hash is stored. */
    public void invite(long businessId, String email, String staffEmail) {
        String name = listings.find(businessId).orElseThrow().name();
        String token = Tokens.newToken();
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(settings.claimValidity());
        jdbc.sql("""
                        INSERT INTO business_claim (token_hash, business_id, email, expires_at, created_by)
                        VALUES (:hash, :id, :email, :expires, :by)""")
                .param("hash", Tokens.hash(token)).param("id", businessId).param("email", email.strip())
                .param("expires", expires).param("by", staffEmail)
                .update();
        Locale locale = LocaleContextHolder.getLocale();
        mailOutbox.queue(email.strip(), messages.getMessage("directory.mail.claim.subject", new Object[] {name}, locale),
                messages.getMessage("directory.mail.claim.body", new Object[] {name,
                        properties.baseUrl() + "/mitmachen/uebernehmen?token=" + token, settings.claimValidity().toDays()},
                        locale));
        auditLog.record(Listings.ENTITY, businessId, "CLAIM_INVITED", Map.of(), Map.of("email", email.strip()));
    }

    /** The invitation behind a link, when it is still usable. */
    @Transactional(readOnly = true)
    public Optional<Invitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT c.business_id, b.name, c.email FROM business_claim c JOIN business b ON b.id = c.business_id
                        WHERE c.token_hash = :hash AND c.used_at IS NULL AND c.expires_at > :now""")
                .param("hash", Tokens.hash(token)).param("now", OffsetDateTime.now(clock))
                .query((rs, i) -> new Invitation(rs.getLong("business_id"), rs.getString("name"), rs.getString("email")))
                .optional();
    }

    /**
     * Uses the link once: the account becomes an owner of the listing.
     *
     * @return the listing's id; empty when the link is unknown, used or expired
     */
    public Optional<Long> claim(String token, long accountId) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> business = jdbc.sql("""
                        UPDATE business_claim SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now RETURNING business_id""")
                .param("hash", Tokens.hash(token)).param("now", OffsetDateTime.now(clock))
                .query(Long.class).optional();
        if (business.isEmpty()) {
            return Optional.empty();
        }
        long id = business.get();
        registration.addOwner(id, accountId);
        auditLog.record(Listings.ENTITY, id, "CLAIMED", Map.of(),
                Map.of("owner", accounts.emailOf(accountId).orElse(String.valueOf(accountId))));
        return Optional.of(id);
    }

    /**
     * Creates the owner's account for the invited address and takes the listing over, in one step.
     *
     * @return false when the address has an account already (the owner logs in instead)
     * @throws de.stadtportal.account.AccountException when the password breaks the rules
     */
    public boolean claimWithNewAccount(String token, String password) {
        Invitation invitation = find(token).orElseThrow(() -> new IllegalStateException("invitation not usable"));
        Optional<Long> account = accounts.createVerifiedBusiness(invitation.email(), password);
        if (account.isEmpty()) {
            return false;
        }
        claim(token, account.get()).orElseThrow();
        return true;
    }

    public record Invitation(long businessId, String businessName, String email) {
    }
}
