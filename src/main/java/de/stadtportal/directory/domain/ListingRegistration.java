package de.stadtportal.directory.domain;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New listings: a business registers (account and listing in one step, then moderation), staff
 * list a business that has not registered itself; owners are added (registration, claim).
 */
@Service
@Transactional
public class ListingRegistration {

    private final JdbcClient jdbc;
    private final AccountApi accounts;
    private final ListingEdits edits;
    private final AuditLog auditLog;
    private final Clock clock;

    ListingRegistration(JdbcClient jdbc, AccountApi accounts, ListingEdits edits, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.edits = edits;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates the owner's account and the listing, which goes to moderation at once. With an
     * address that is registered already no listing is made; its owner gets a mail instead, so the
     * answer reveals nothing about who is registered.
     *
     * @throws de.stadtportal.account.AccountException when the password breaks the rules
     */
    public void register(Registration registration) {
        Optional<Long> owner = accounts.signUpBusiness(registration.email(), registration.password());
        if (owner.isEmpty()) {
            return;
        }
        long id = insert(registration.name(), registration.category(), registration.street(), registration.postalCode(),
                ListingStatus.PENDING);
        addOwner(id, owner.get());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", registration.name().strip());
        after.put("category", registration.category());
        after.put("street", registration.street().strip());
        after.put("postalCode", registration.postalCode().strip());
        after.put("status", ListingStatus.PENDING.name());
        auditLog.record(Listings.ENTITY, id, "REGISTERED", Map.of(), after);
    }

    /** Staff list a business that has not registered itself: published at once, without an owner. */
    public long createByStaff(ListingEdit edit) {
        long id = insert(edit.name(), edit.category(), edit.street(), edit.postalCode(), ListingStatus.PUBLISHED);
        edits.write(id, edit, false);
        auditLog.record(Listings.ENTITY, id, "CREATED", Map.of(), edit.fields());
        return id;
    }

    /** A published listing counts as confirmed from its first day. */
    private long insert(String name, String category, String street, String postalCode, ListingStatus status) {
        return jdbc.sql("""
                        INSERT INTO business (slug, name, category_id, street, postal_code, status, last_confirmed_at)
                        VALUES (:slug, :name, (SELECT id FROM category WHERE slug = :category), :street, :postalCode,
                                :status, :confirmed)
                        RETURNING id""")
                .param("slug", uniqueSlug(name)).param("name", name.strip()).param("category", category)
                .param("street", street.strip()).param("postalCode", postalCode.strip()).param("status", status.name())
                .param("confirmed", status == ListingStatus.PUBLISHED ? OffsetDateTime.now(clock) : null,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .query(Long.class).single();
    }

    void addOwner(long businessId, long accountId) {
        jdbc.sql("""
                        INSERT INTO business_owner (business_id, account_id) VALUES (:business, :account)
                        ON CONFLICT DO NOTHING""")
                .param("business", businessId).param("account", accountId).update();
    }

    /** "Bäckerei Müller & Söhne" → "baeckerei-mueller-soehne" */
    static String slugBase(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.GERMAN)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "unternehmen";
        }
        return base.length() > 70 ? base.substring(0, 70).replaceAll("-$", "") : base;
    }

    /** The slug base made unique with -2, -3 … */
    private String uniqueSlug(String name) {
        String base = slugBase(name);
        String slug = base;
        for (int n = 2; jdbc.sql("SELECT EXISTS (SELECT 1 FROM business WHERE slug = :slug)").param("slug", slug)
                .query(Boolean.class).single(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    public record Registration(String name, String category, String street, String postalCode, String email,
                               String password) {
    }
}
