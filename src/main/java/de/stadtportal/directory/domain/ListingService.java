package de.stadtportal.directory.domain;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.account.AccountApi;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings from registration to publication: a business registers (account and listing in one
 * step), staff approve or reject with a reason, the owner is told by mail and sees the status.
 */
@Service
@Transactional
public class ListingService {

    static final String ENTITY = "Unternehmen";

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountApi accounts;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;

    ListingService(NamedParameterJdbcTemplate jdbc, AccountApi accounts, MailOutbox mailOutbox, AuditLog auditLog,
                   MessageSource messages, PortalProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
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
        Long id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (:slug, :name, (SELECT id FROM category WHERE slug = :category), :street, :postalCode, 'PENDING')
                RETURNING id""", new MapSqlParameterSource()
                .addValue("slug", uniqueSlug(registration.name()))
                .addValue("name", registration.name().strip())
                .addValue("category", registration.category())
                .addValue("street", registration.street().strip())
                .addValue("postalCode", registration.postalCode().strip()), Long.class);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) VALUES (:business, :account)",
                Map.of("business", id, "account", owner.get()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", registration.name().strip());
        after.put("category", registration.category());
        after.put("street", registration.street().strip());
        after.put("postalCode", registration.postalCode().strip());
        after.put("status", "PENDING");
        auditLog.record(ENTITY, id, "REGISTERED", Map.of(), after);
    }

    public boolean categoryExists(String slug) {
        return slug != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM category WHERE slug = :slug)", Map.of("slug", slug), Boolean.class));
    }

    @Transactional(readOnly = true)
    public List<Listing> awaitingModeration() {
        return listings("b.status = 'PENDING'", new MapSqlParameterSource());
    }

    @Transactional(readOnly = true)
    public List<Listing> ownedBy(String email) {
        return accounts.idOf(email)
                .map(account -> listings("b.id IN (SELECT business_id FROM business_owner WHERE account_id = :account)",
                        new MapSqlParameterSource("account", account)))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<Listing> find(long id) {
        return listings("b.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    /** @return false when the listing was not waiting for moderation (already decided by a colleague) */
    public boolean approve(long id) {
        return decide(id, "PUBLISHED", null);
    }

    public boolean reject(long id, String reason) {
        return decide(id, "REJECTED", reason.strip());
    }

    private boolean decide(long id, String status, String reason) {
        int changed = jdbc.update("""
                UPDATE business SET status = :status, rejection_reason = :reason,
                       last_confirmed_at = CASE WHEN :status = 'PUBLISHED' THEN now() ELSE last_confirmed_at END,
                       version = version + 1
                WHERE id = :id AND status = 'PENDING'""",
                new MapSqlParameterSource().addValue("id", id).addValue("status", status).addValue("reason", reason));
        if (changed == 0) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("rejectionReason", reason);
        auditLog.record(ENTITY, id, "PUBLISHED".equals(status) ? "APPROVED" : "REJECTED", Map.of("status", "PENDING"), after);
        Listing listing = find(id).orElseThrow();
        Locale locale = LocaleContextHolder.getLocale();
        for (String owner : ownerEmails(id)) {
            if ("PUBLISHED".equals(status)) {
                mailOutbox.queue(owner, messages.getMessage("mail.listingPublished.subject", null, locale),
                        messages.getMessage("mail.listingPublished.body",
                                new Object[] {listing.name(), properties.baseUrl() + "/unternehmen/" + listing.slug()}, locale));
            } else {
                mailOutbox.queue(owner, messages.getMessage("mail.listingRejected.subject", null, locale),
                        messages.getMessage("mail.listingRejected.body",
                                new Object[] {listing.name(), reason, properties.baseUrl() + "/konto/eintraege"}, locale));
            }
        }
        return true;
    }

    /** Owners' addresses come from the account feature: directory never reads its tables. */
    private List<String> ownerEmails(long id) {
        return jdbc.queryForList("SELECT account_id FROM business_owner WHERE business_id = :id", Map.of("id", id), Long.class)
                .stream().map(accounts::emailOf).flatMap(Optional::stream).toList();
    }

    private List<Listing> listings(String condition, MapSqlParameterSource params) {
        return jdbc.query("""
                SELECT b.id, b.slug, b.name, c.name AS category, b.street, b.postal_code, b.status, b.rejection_reason,
                       b.created_at
                FROM business b JOIN category c ON c.id = b.category_id
                WHERE\s""" + condition + " ORDER BY b.created_at, b.id", params,
                (rs, i) -> new Listing(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("category"), rs.getString("street"), rs.getString("postal_code"),
                        rs.getString("status"), rs.getString("rejection_reason"),
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(PlatformConfiguration.CITY_ZONE),
                        String.join(", ", ownerEmails(rs.getLong("id")))));
    }

    /** "Bäckerei Müller & Söhne" → "baeckerei-mueller-soehne", made unique with -2, -3 … */
    String uniqueSlug(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.GERMAN)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "unternehmen";
        }
        base = base.length() > 100 ? base.substring(0, 100).replaceAll("-$", "") : base;
        String slug = base;
        for (int n = 2; Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM business WHERE slug = :slug)",
                Map.of("slug", slug), Boolean.class)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** The listing as its owner edits it, or empty when this account does not own it. */
    @Transactional(readOnly = true)
    public Optional<ListingEdit> editableBy(long id, String email) {
        if (!owns(id, email)) {
            return Optional.empty();
        }
        return load(id);
    }

    private Optional<ListingEdit> load(long id) {
        return jdbc.query("""
                SELECT b.*, c.slug AS category_slug, d.slug AS district_slug FROM business b
                JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id
                WHERE b.id = :id""", Map.of("id", id), (rs, i) -> new ListingEdit(
                rs.getString("name"), rs.getString("category_slug"), rs.getString("district_slug"),
                rs.getString("description"), rs.getString("tags"), rs.getString("street"), rs.getString("postal_code"),
                rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                rs.getBoolean("accepts_voucher"), rs.getBoolean("sells_fairtrade"), rs.getBoolean("wifi_hotspot"),
                rs.getBoolean("market_stall"), rs.getBoolean("online_shop"), rs.getBoolean("delivery"),
                rs.getBoolean("click_and_collect"), rs.getLong("version"))).stream().findFirst();
    }

    public boolean owns(long id, String email) {
        Optional<Long> account = accounts.idOf(email);
        return account.isPresent() && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM business_owner WHERE business_id = :id AND account_id = :account)",
                Map.of("id", id, "account", account.get()), Boolean.class));
    }

    /**
     * Saves the owner's changes. A published listing changes at once. The version guards against
     * two people overwriting each other: a stale version changes nothing.
     *
     * @return false when someone else saved the listing in the meantime
     */
    public boolean update(long id, ListingEdit edit) {
        ListingEdit before = load(id).orElseThrow();
        int changed = jdbc.update("""
                UPDATE business SET name = :name, category_id = (SELECT id FROM category WHERE slug = :category),
                       district_id = (SELECT id FROM district WHERE slug = :district), description = :description,
                       tags = :tags, street = :street, postal_code = :postalCode, phone = :phone, email = :email,
                       website = :website, accepts_voucher = :voucher, sells_fairtrade = :fairtrade,
                       wifi_hotspot = :wifi, market_stall = :market, online_shop = :shop, delivery = :delivery,
                       click_and_collect = :collect, last_confirmed_at = now(), version = version + 1
                WHERE id = :id AND version = :version""", new MapSqlParameterSource()
                .addValue("id", id).addValue("version", edit.version())
                .addValue("name", edit.name()).addValue("category", edit.category()).addValue("district", edit.district())
                .addValue("description", nullToEmpty(edit.description())).addValue("tags", nullToEmpty(edit.tags()))
                .addValue("street", edit.street()).addValue("postalCode", edit.postalCode())
                .addValue("phone", blankToNull(edit.phone())).addValue("email", blankToNull(edit.email()))
                .addValue("website", blankToNull(edit.website()))
                .addValue("voucher", edit.acceptsVoucher()).addValue("fairtrade", edit.sellsFairtrade())
                .addValue("wifi", edit.wifiHotspot()).addValue("market", edit.marketStall())
                .addValue("shop", edit.onlineShop()).addValue("delivery", edit.delivery())
                .addValue("collect", edit.clickAndCollect()));
        if (changed == 0) {
            return false;
        }
        auditLog.record(ENTITY, id, "UPDATED", before.fields(), edit.fields());
        return true;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What an owner can change; {@code version} is the one the owner started from. */
    public record ListingEdit(String name, String category, String district, String description, String tags,
                              String street, String postalCode, String phone, String email, String website,
                              boolean acceptsVoucher, boolean sellsFairtrade, boolean wifiHotspot, boolean marketStall,
                              boolean onlineShop, boolean delivery, boolean clickAndCollect, long version) {

        Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("category", category);
            fields.put("district", district);
            fields.put("description", description);
            fields.put("tags", tags);
            fields.put("street", street);
            fields.put("postalCode", postalCode);
            fields.put("phone", blankToNull(phone));
            fields.put("email", blankToNull(email));
            fields.put("website", blankToNull(website));
            fields.put("acceptsVoucher", acceptsVoucher);
            fields.put("sellsFairtrade", sellsFairtrade);
            fields.put("wifiHotspot", wifiHotspot);
            fields.put("marketStall", marketStall);
            fields.put("onlineShop", onlineShop);
            fields.put("delivery", delivery);
            fields.put("clickAndCollect", clickAndCollect);
            return fields;
        }
    }

    public record Registration(String name, String category, String street, String postalCode, String email,
                               String password) {
    }

    public record Listing(long id, String slug, String name, String category, String street, String postalCode,
                          String status, String rejectionReason, ZonedDateTime createdAt, String owners) {
    }
}
