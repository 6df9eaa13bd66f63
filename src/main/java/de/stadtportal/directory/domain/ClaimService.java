package de.stadtportal.directory.domain;

import java.time.OffsetDateTime;
import java.util.List;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims: staff list a business that has not registered and invite it by mail; the expiring,
 * single-use link lets the business take the listing over (with its existing account or a new one).
 */
@Service
@Transactional
public class ClaimService {

    private final NamedParameterJdbcTemplate jdbc;
    private final ListingService listings;
    private final AccountApi accounts;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final DirectoryProperties settings;

    ClaimService(NamedParameterJdbcTemplate jdbc, ListingService listings, AccountApi accounts, MailOutbox mailOutbox,
                 AuditLog auditLog, MessageSource messages, PortalProperties properties, DirectoryProperties settings) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.accounts = accounts;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.settings = settings;
    }

    /** Mails the invitation; only the token's hash is stored. */
    public void invite(long businessId, String email, String staffEmail) {
        String name = listings.find(businessId).orElseThrow().name();
        String token = Tokens.newToken();
        OffsetDateTime expires = OffsetDateTime.now().plus(settings.claimValidity());
        jdbc.update("""
                INSERT INTO business_claim (token_hash, business_id, email, expires_at, created_by)
                VALUES (:hash, :id, :email, :expires, :by)""", new MapSqlParameterSource("hash", Tokens.hash(token))
                .addValue("id", businessId).addValue("email", email.strip()).addValue("expires", expires)
                .addValue("by", staffEmail));
        Locale locale = LocaleContextHolder.getLocale();
        mailOutbox.queue(email.strip(), messages.getMessage("mail.claim.subject", new Object[] {name}, locale),
                messages.getMessage("mail.claim.body", new Object[] {name,
                        properties.baseUrl() + "/mitmachen/uebernehmen?token=" + token, settings.claimValidity().toDays()},
                        locale));
        auditLog.record(ListingService.ENTITY, businessId, "CLAIM_INVITED", Map.of(), Map.of("email", email.strip()));
    }

    /** The invitation behind a link, when it is still usable. */
    @Transactional(readOnly = true)
    public Optional<Invitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT c.business_id, b.name, c.email FROM business_claim c JOIN business b ON b.id = c.business_id
                WHERE c.token_hash = :hash AND c.used_at IS NULL AND c.expires_at > now()""",
                Map.of("hash", Tokens.hash(token)),
                (rs, i) -> new Invitation(rs.getLong("business_id"), rs.getString("name"), rs.getString("email")))
                .stream().findFirst();
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
        List<Long> business = jdbc.queryForList("""
                UPDATE business_claim SET used_at = now()
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now() RETURNING business_id""",
                Map.of("hash", Tokens.hash(token)), Long.class);
        if (business.isEmpty()) {
            return Optional.empty();
        }
        long id = business.get(0);
        listings.addOwner(id, accountId);
        auditLog.record(ListingService.ENTITY, id, "CLAIMED", Map.of(),
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
