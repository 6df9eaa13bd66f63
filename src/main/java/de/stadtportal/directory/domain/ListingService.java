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
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings from registration to publication and their upkeep: a business registers (account and
 * listing in one step), staff approve, reject or ask for changes, owners and staff edit, staff
 * create and archive listings. Owners are told by mail and see the status.
 */
@Service
@Transactional
public class ListingService {

    static final String ENTITY = "Unternehmen";
    public static final int STAFF_PAGE_SIZE = 50;
    private static final JsonMapper json = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountApi accounts;
    private final MailOutbox mailOutbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final DirectoryProperties settings;

    ListingService(NamedParameterJdbcTemplate jdbc, AccountApi accounts, MailOutbox mailOutbox, AuditLog auditLog,
                   MessageSource messages, PortalProperties properties, DirectoryProperties settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailOutbox = mailOutbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
        this.settings = settings;
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
        addOwner(id, owner.get());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", registration.name().strip());
        after.put("category", registration.category());
        after.put("street", registration.street().strip());
        after.put("postalCode", registration.postalCode().strip());
        after.put("status", "PENDING");
        auditLog.record(ENTITY, id, "REGISTERED", Map.of(), after);
    }

    /** Staff list a business that has not registered itself: published at once, without an owner. */
    public long createByStaff(ListingEdit edit) {
        Long id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status, last_confirmed_at)
                VALUES (:slug, :name, (SELECT id FROM category WHERE slug = :category), :street, :postalCode,
                        'PUBLISHED', now())
                RETURNING id""", new MapSqlParameterSource()
                .addValue("slug", uniqueSlug(edit.name()))
                .addValue("name", edit.name().strip())
                .addValue("category", edit.category())
                .addValue("street", edit.street().strip())
                .addValue("postalCode", edit.postalCode().strip()), Long.class);
        write(id, edit, false);
        auditLog.record(ENTITY, id, "CREATED", Map.of(), edit.fields());
        return id;
    }

    void addOwner(long businessId, long accountId) {
        jdbc.update("""
                INSERT INTO business_owner (business_id, account_id) VALUES (:business, :account)
                ON CONFLICT DO NOTHING""", Map.of("business", businessId, "account", accountId));
    }

    public boolean categoryExists(String slug) {
        return slug != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM category WHERE slug = :slug)", Map.of("slug", slug), Boolean.class));
    }

    public boolean districtExists(String slug) {
        return slug != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM district WHERE slug = :slug)", Map.of("slug", slug), Boolean.class));
    }

    @Transactional(readOnly = true)
    public List<Listing> awaitingModeration() {
        return listings("b.status = 'PENDING'", new MapSqlParameterSource(), "b.created_at, b.id", 500, 0);
    }

    @Transactional(readOnly = true)
    public List<Listing> ownedBy(String email) {
        return accounts.idOf(email)
                .map(account -> listings("b.id IN (SELECT business_id FROM business_owner WHERE account_id = :account)",
                        new MapSqlParameterSource("account", account), "b.created_at, b.id", 500, 0))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<Listing> find(long id) {
        return listings("b.id = :id", new MapSqlParameterSource("id", id), "b.id", 1, 0).stream().findFirst();
    }

    /** The listing when this account owns it; someone else's listing is "not there", so ids reveal nothing. */
    @Transactional(readOnly = true)
    public Optional<Listing> findOwned(long id, String email) {
        return owns(id, email) ? find(id) : Optional.empty();
    }

    /**
     * Every listing for staff, filtered by a part of the name, a status and "not confirmed for too
     * long"; a page holds one more row than {@link #STAFF_PAGE_SIZE} when there is a next page.
     */
    @Transactional(readOnly = true)
    public List<Listing> all(StaffFilter filter, int page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder condition = new StringBuilder("TRUE");
        if (filter.query() != null && !filter.query().isBlank()) {
            condition.append(" AND b.name_folded LIKE '%' || portal_fold(:q) || '%'");
            params.addValue("q", filter.query().strip().replace("%", "").replace("_", ""));
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            condition.append(" AND b.status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.stale()) {
            condition.append(" AND b.status = 'PUBLISHED' AND (b.last_confirmed_at IS NULL OR b.last_confirmed_at < :staleBefore)");
            params.addValue("staleBefore", OffsetDateTime.now().minus(settings.confirmationInterval()));
        }
        return listings(condition.toString(), params, "b.name, b.id", STAFF_PAGE_SIZE + 1, (long) page * STAFF_PAGE_SIZE);
    }

    /** Published listings not confirmed within the configured interval (for the staff dashboard). */
    @Transactional(readOnly = true)
    public long staleCount() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM business WHERE status = 'PUBLISHED'
                AND (last_confirmed_at IS NULL OR last_confirmed_at < :staleBefore)""",
                Map.of("staleBefore", OffsetDateTime.now().minus(settings.confirmationInterval())), Long.class);
    }

    /** Published listings whose owners changed them since staff last looked, newest first. */
    @Transactional(readOnly = true)
    public List<Listing> changedByOwners() {
        return listings("b.owner_changed_at IS NOT NULL OR EXISTS (SELECT 1 FROM business_pending_change p WHERE p.business_id = b.id)",
                new MapSqlParameterSource(), "b.owner_changed_at DESC NULLS FIRST, b.id", 500, 0);
    }

    /** @return false when the listing was not waiting for moderation (already decided by a colleague) */
    public boolean approve(long id) {
        return decide(id, "PUBLISHED", null);
    }

    public boolean reject(long id, String reason) {
        return decide(id, "REJECTED", reason.strip());
    }

    /** Sends a waiting listing back to its owner with what to change; saving it submits it again. */
    public boolean requestChanges(long id, String reason) {
        return decide(id, "CHANGES_REQUESTED", reason.strip());
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
        String action = switch (status) {
            case "PUBLISHED" -> "APPROVED";
            case "REJECTED" -> "REJECTED";
            default -> "CHANGES_REQUESTED";
        };
        auditLog.record(ENTITY, id, action, Map.of("status", "PENDING"), after);
        Listing listing = find(id).orElseThrow();
        switch (status) {
            case "PUBLISHED" -> mailOwners(id, "mail.listingPublished", listing.name(),
                    properties.baseUrl() + "/unternehmen/" + listing.slug());
            case "REJECTED" -> mailOwners(id, "mail.listingRejected", listing.name(), reason,
                    properties.baseUrl() + "/konto/eintraege");
            default -> mailOwners(id, "mail.listingChangesRequested", listing.name(), reason,
                    properties.baseUrl() + "/konto/eintraege/" + id);
        }
        return true;
    }

    /** Takes a listing off the portal without deleting it; its owners keep it and are told. */
    public boolean archive(long id) {
        return setStatus(id, "ARCHIVED", "ARCHIVED", "status <> 'ARCHIVED'");
    }

    /** Puts an archived listing back online. */
    public boolean restore(long id) {
        return setStatus(id, "PUBLISHED", "RESTORED", "status = 'ARCHIVED'");
    }

    private boolean setStatus(long id, String status, String action, String condition) {
        String before = status(id).orElse(null);
        int changed = jdbc.update("UPDATE business SET status = :status, version = version + 1 WHERE id = :id AND " + condition,
                Map.of("id", id, "status", status));
        if (changed == 0) {
            return false;
        }
        auditLog.record(ENTITY, id, action, Map.of("status", before), Map.of("status", status));
        return true;
    }

    /** The owner confirms that the listing is current; the 12-month clock starts again. */
    public void confirmCurrent(long id) {
        jdbc.update("UPDATE business SET last_confirmed_at = now(), reminder_sent_at = NULL WHERE id = :id", Map.of("id", id));
        auditLog.record(ENTITY, id, "CONFIRMED", Map.of(), Map.of("lastConfirmedAt", "jetzt"));
    }

    /** Staff have looked at an owner's changes; the listing leaves the review list. */
    public void markReviewed(long id) {
        jdbc.update("UPDATE business SET owner_changed_at = NULL WHERE id = :id", Map.of("id", id));
    }

    public Optional<String> status(long id) {
        return jdbc.queryForList("SELECT status FROM business WHERE id = :id", Map.of("id", id), String.class)
                .stream().findFirst();
    }

    /** Mails every owner of a listing; the message key names subject (.subject) and body (.body). */
    void mailOwners(long id, String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        for (String owner : ownerEmails(id)) {
            mailOutbox.queue(owner, messages.getMessage(key + ".subject", null, locale),
                    messages.getMessage(key + ".body", arguments, locale));
        }
    }

    /** Owners' addresses come from the account feature: directory never reads its tables. */
    List<String> ownerEmails(long id) {
        return jdbc.queryForList("SELECT account_id FROM business_owner WHERE business_id = :id", Map.of("id", id), Long.class)
                .stream().map(accounts::emailOf).flatMap(Optional::stream).toList();
    }

    private List<Listing> listings(String condition, MapSqlParameterSource params, String order, int limit, long offset) {
        params.addValue("limit", limit).addValue("offset", offset);
        // a duplicate is another listing with the same name at the same address (folded: "Strasse" = "Straße")
        return jdbc.query("""
                SELECT b.id, b.slug, b.name, c.name AS category, b.street, b.postal_code, b.status, b.rejection_reason,
                       b.created_at, b.last_confirmed_at, b.owner_changed_at, dup.id AS duplicate_id, dup.name AS duplicate_name,
                       EXISTS (SELECT 1 FROM business_pending_change p WHERE p.business_id = b.id) AS change_pending
                FROM business b JOIN category c ON c.id = b.category_id
                LEFT JOIN LATERAL (SELECT d.id, d.name FROM business d
                                   WHERE d.id <> b.id AND d.postal_code = b.postal_code AND d.name_folded = b.name_folded
                                   AND portal_fold(d.street) = portal_fold(b.street) AND d.status <> 'ARCHIVED'
                                   ORDER BY d.id LIMIT 1) dup ON TRUE
                WHERE\s""" + condition + " ORDER BY " + order + " LIMIT :limit OFFSET :offset", params,
                (rs, i) -> new Listing(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("category"), rs.getString("street"), rs.getString("postal_code"),
                        rs.getString("status"), rs.getString("rejection_reason"),
                        PlatformConfiguration.cityTime(rs, "created_at"),
                        PlatformConfiguration.cityTime(rs, "last_confirmed_at"),
                        PlatformConfiguration.cityTime(rs, "owner_changed_at"),
                        String.join(", ", ownerEmails(rs.getLong("id"))),
                        rs.getObject("duplicate_id", Long.class), rs.getString("duplicate_name"),
                        rs.getBoolean("change_pending")));
    }

    /** "Bäckerei Müller & Söhne" → "baeckerei-mueller-soehne" */
    String slugBase(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.GERMAN)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "unternehmen";
        }
        return base.length() > 70 ? base.substring(0, 70).replaceAll("-$", "") : base;
    }

    /** The slug base made unique with -2, -3 … */
    String uniqueSlug(String name) {
        String base = slugBase(name);
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

    /** The listing as staff edit it. */
    @Transactional(readOnly = true)
    public Optional<ListingEdit> load(long id) {
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
     * Saves an owner's changes. A published listing changes at once (and shows up in the staff's
     * review list) unless the installation requires approval first; a listing sent back for
     * changes goes to moderation again. The version guards against two people overwriting each
     * other: a stale version changes nothing.
     */
    public SaveResult updateByOwner(long id, ListingEdit edit, String ownerEmail) {
        String status = status(id).orElseThrow();
        if ("PUBLISHED".equals(status) && settings.approveChangesFirst()) {
            ListingEdit current = load(id).orElseThrow();
            if (current.version() != edit.version()) {
                return SaveResult.CONFLICT;
            }
            jdbc.update("""
                    INSERT INTO business_pending_change (business_id, changes, submitted_by)
                    VALUES (:id, CAST(:changes AS jsonb), :by)
                    ON CONFLICT (business_id) DO UPDATE SET changes = EXCLUDED.changes, submitted_by = EXCLUDED.submitted_by,
                        submitted_at = now()""",
                    Map.of("id", id, "changes", json.writeValueAsString(edit), "by", ownerEmail));
            auditLog.record(ENTITY, id, "CHANGE_SUBMITTED", current.fields(), edit.fields());
            return SaveResult.AWAITING_APPROVAL;
        }
        ListingEdit before = load(id).orElseThrow();
        if (!write(id, edit, true)) {
            return SaveResult.CONFLICT;
        }
        auditLog.record(ENTITY, id, "UPDATED", before.fields(), edit.fields());
        if ("CHANGES_REQUESTED".equals(status)) {
            jdbc.update("UPDATE business SET status = 'PENDING', rejection_reason = NULL WHERE id = :id", Map.of("id", id));
            auditLog.record(ENTITY, id, "RESUBMITTED", Map.of("status", status), Map.of("status", "PENDING"));
            return SaveResult.RESUBMITTED;
        }
        if ("PUBLISHED".equals(status)) {
            jdbc.update("UPDATE business SET owner_changed_at = now() WHERE id = :id", Map.of("id", id));
        }
        return SaveResult.SAVED;
    }

    /** Saves staff's changes to any listing; returns false on a stale version. */
    public boolean updateByStaff(long id, ListingEdit edit) {
        ListingEdit before = load(id).orElseThrow();
        if (!write(id, edit, false)) {
            return false;
        }
        auditLog.record(ENTITY, id, "UPDATED", before.fields(), edit.fields());
        return true;
    }

    /** An owner's change that waits for approval (installations with approve-changes-first). */
    @Transactional(readOnly = true)
    public Optional<ListingEdit> pendingChange(long id) {
        return jdbc.queryForList("SELECT changes::text FROM business_pending_change WHERE business_id = :id",
                Map.of("id", id), String.class).stream().findFirst().map(text -> json.readValue(text, ListingEdit.class));
    }

    /** Staff accept an owner's waiting change: it goes live, whatever was saved in between. */
    public boolean applyPendingChange(long id) {
        Optional<ListingEdit> change = pendingChange(id);
        if (change.isEmpty()) {
            return false;
        }
        ListingEdit current = load(id).orElseThrow();
        ListingEdit edit = change.get().withVersion(current.version());
        write(id, edit, true);
        jdbc.update("DELETE FROM business_pending_change WHERE business_id = :id", Map.of("id", id));
        jdbc.update("UPDATE business SET owner_changed_at = NULL WHERE id = :id", Map.of("id", id));
        auditLog.record(ENTITY, id, "CHANGE_APPROVED", current.fields(), edit.fields());
        return true;
    }

    public boolean discardPendingChange(long id) {
        int removed = jdbc.update("DELETE FROM business_pending_change WHERE business_id = :id", Map.of("id", id));
        if (removed > 0) {
            auditLog.record(ENTITY, id, "CHANGE_DISCARDED", Map.of(), Map.of());
        }
        return removed > 0;
    }

    /** @param confirms whether this save also confirms the data as current (an owner's save does) */
    private boolean write(long id, ListingEdit edit, boolean confirms) {
        return jdbc.update("""
                UPDATE business SET name = :name, category_id = (SELECT id FROM category WHERE slug = :category),
                       district_id = (SELECT id FROM district WHERE slug = :district), description = :description,
                       tags = :tags, street = :street, postal_code = :postalCode, phone = :phone, email = :email,
                       website = :website, accepts_voucher = :voucher, sells_fairtrade = :fairtrade,
                       wifi_hotspot = :wifi, market_stall = :market, online_shop = :shop, delivery = :delivery,
                       click_and_collect = :collect, version = version + 1,
                       last_confirmed_at = CASE WHEN :confirms THEN now() ELSE last_confirmed_at END,
                       reminder_sent_at = CASE WHEN :confirms THEN NULL ELSE reminder_sent_at END
                WHERE id = :id AND version = :version""", new MapSqlParameterSource()
                .addValue("id", id).addValue("version", edit.version()).addValue("confirms", confirms)
                .addValue("name", edit.name().strip()).addValue("category", edit.category())
                .addValue("district", edit.district())
                .addValue("description", nullToEmpty(edit.description())).addValue("tags", nullToEmpty(edit.tags()))
                .addValue("street", edit.street().strip()).addValue("postalCode", edit.postalCode().strip())
                .addValue("phone", blankToNull(edit.phone())).addValue("email", blankToNull(edit.email()))
                .addValue("website", blankToNull(edit.website()))
                .addValue("voucher", edit.acceptsVoucher()).addValue("fairtrade", edit.sellsFairtrade())
                .addValue("wifi", edit.wifiHotspot()).addValue("market", edit.marketStall())
                .addValue("shop", edit.onlineShop()).addValue("delivery", edit.delivery())
                .addValue("collect", edit.clickAndCollect())) > 0;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public enum SaveResult { SAVED, RESUBMITTED, AWAITING_APPROVAL, CONFLICT }

    /** What an owner can change; {@code version} is the one the owner started from. */
    public record ListingEdit(String name, String category, String district, String description, String tags,
                              String street, String postalCode, String phone, String email, String website,
                              boolean acceptsVoucher, boolean sellsFairtrade, boolean wifiHotspot, boolean marketStall,
                              boolean onlineShop, boolean delivery, boolean clickAndCollect, long version) {

        ListingEdit withVersion(long newVersion) {
            return new ListingEdit(name, category, district, description, tags, street, postalCode, phone, email,
                    website, acceptsVoucher, sellsFairtrade, wifiHotspot, marketStall, onlineShop, delivery,
                    clickAndCollect, newVersion);
        }

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

    /** @param stale only published listings not confirmed within the configured interval */
    public record StaffFilter(String query, String status, boolean stale) {
    }

    public record Listing(long id, String slug, String name, String category, String street, String postalCode,
                          String status, String rejectionReason, ZonedDateTime createdAt,
                          ZonedDateTime lastConfirmedAt, ZonedDateTime ownerChangedAt, String owners,
                          Long duplicateId, String duplicateName, boolean changePending) {
    }
}
