package de.stadtportal.directory.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.stadtportal.account.AccountApi;
import de.stadtportal.platform.PlatformConfiguration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading listings for their owners and for staff: one listing, the moderation queue, an owner's
 * listings, every listing with filters, the owners' changes, and which listings are stale.
 */
@Service
@Transactional(readOnly = true)
public class Listings {

    /** The name of a listing in the audit log. */
    static final String ENTITY = "Unternehmen";
    public static final int STAFF_PAGE_SIZE = 50;

    /**
     * A stale listing: published and not confirmed (by its owner's save or confirmation, or by staff
     * publishing it) within portal.directory.confirmation-interval. The one definition; needs
     * {@code :staleBefore} from {@link #staleBefore()}.
     */
    static final String STALE = "b.status = 'PUBLISHED' AND (b.last_confirmed_at IS NULL OR b.last_confirmed_at < :staleBefore)";

    private final JdbcClient jdbc;
    private final AccountApi accounts;
    private final DirectoryProperties settings;
    private final Clock clock;

    Listings(JdbcClient jdbc, AccountApi accounts, DirectoryProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Confirmed before this moment means stale (see {@link #STALE}). */
    OffsetDateTime staleBefore() {
        return OffsetDateTime.now(clock).minus(settings.confirmationInterval());
    }

    public List<Listing> awaitingModeration() {
        return listings("b.status = 'PENDING'", new MapSqlParameterSource(), "b.created_at, b.id", 500, 0);
    }

    public List<Listing> ownedBy(String email) {
        return accounts.idOf(email)
                .map(account -> listings("b.id IN (SELECT business_id FROM business_owner WHERE account_id = :account)",
                        new MapSqlParameterSource("account", account), "b.created_at, b.id", 500, 0))
                .orElse(List.of());
    }

    public Optional<Listing> find(long id) {
        return listings("b.id = :id", new MapSqlParameterSource("id", id), "b.id", 1, 0).stream().findFirst();
    }

    /** The listing when this account owns it; someone else's listing is "not there", so ids reveal nothing. */
    public Optional<Listing> findOwned(long id, String email) {
        return owns(id, email) ? find(id) : Optional.empty();
    }

    /**
     * Every listing for staff, filtered by a part of the name, a status and "not confirmed for too
     * long"; a page holds one more row than {@link #STAFF_PAGE_SIZE} when there is a next page.
     */
    public List<Listing> all(StaffFilter filter, int page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder condition = new StringBuilder("TRUE");
        if (filter.query() != null && !filter.query().isBlank()) {
            condition.append(" AND b.name_folded LIKE '%' || portal_fold(:q) || '%'");
            params.addValue("q", filter.query().strip().replace("%", "").replace("_", ""));
        }
        if (filter.status() != null) {
            condition.append(" AND b.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.stale()) {
            condition.append(" AND ").append(STALE);
            params.addValue("staleBefore", staleBefore());
        }
        return listings(condition.toString(), params, "b.name, b.id", STAFF_PAGE_SIZE + 1, (long) page * STAFF_PAGE_SIZE);
    }

    /** Published listings not confirmed within the configured interval (for the staff dashboard). */
    public long staleCount() {
        return jdbc.sql("SELECT count(*) FROM business b WHERE " + STALE)
                .param("staleBefore", staleBefore()).query(Long.class).single();
    }

    /** Published listings whose owners changed them since staff last looked, newest first. */
    public List<Listing> changedByOwners() {
        return listings("b.owner_changed_at IS NOT NULL OR EXISTS (SELECT 1 FROM business_pending_change p WHERE p.business_id = b.id)",
                new MapSqlParameterSource(), "b.owner_changed_at DESC NULLS FIRST, b.id", 500, 0);
    }

    public Optional<ListingStatus> status(long id) {
        return jdbc.sql("SELECT status FROM business WHERE id = :id").param("id", id).query(String.class).optional()
                .map(ListingStatus::valueOf);
    }

    public boolean categoryExists(String slug) {
        return slug != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE slug = :slug)")
                .param("slug", slug).query(Boolean.class).single();
    }

    /** @return the message arguments of the refusal, or null when the postcode lies in the town */
    public Object[] postalCodeOutsideTown(String postalCode) {
        return settings.inTown(postalCode) ? null : new Object[] {settings.postalCodesText()};
    }

    public boolean districtExists(String slug) {
        return slug != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM district WHERE slug = :slug)")
                .param("slug", slug).query(Boolean.class).single();
    }

    /** The listing as its owner edits it, or empty when this account does not own it. */
    public Optional<ListingEdit> editableBy(long id, String email) {
        return owns(id, email) ? load(id) : Optional.empty();
    }

    /** The listing as staff edit it. */
    public Optional<ListingEdit> load(long id) {
        return jdbc.sql("""
                        SELECT b.*, c.slug AS category_slug, d.slug AS district_slug FROM business b
                        JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id
                        WHERE b.id = :id""")
                .param("id", id)
                .query((rs, i) -> new ListingEdit(
                        rs.getString("name"), rs.getString("category_slug"), rs.getString("district_slug"),
                        rs.getString("description"), rs.getString("tags"), rs.getString("street"), rs.getString("postal_code"),
                        rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                        rs.getBoolean("accepts_voucher"), rs.getBoolean("sells_fairtrade"), rs.getBoolean("wifi_hotspot"),
                        rs.getBoolean("market_stall"), rs.getBoolean("online_shop"), rs.getBoolean("delivery"),
                        rs.getBoolean("click_and_collect"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                        rs.getLong("version")))
                .optional();
    }

    public boolean owns(long id, String email) {
        Optional<Long> account = accounts.idOf(email);
        return account.isPresent() && jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM business_owner WHERE business_id = :id AND account_id = :account)")
                .param("id", id).param("account", account.get()).query(Boolean.class).single();
    }

    /** Owners' addresses come from the account feature: directory never reads its tables. */
    List<String> ownerEmails(long id) {
        List<Long> owners = jdbc.sql("SELECT account_id FROM business_owner WHERE business_id = :id ORDER BY account_id")
                .param("id", id).query(Long.class).list();
        Map<Long, String> emails = accounts.emailsOf(owners);
        return owners.stream().map(emails::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<Listing> listings(String condition, MapSqlParameterSource params, String order, int limit, long offset) {
        params.addValue("limit", limit).addValue("offset", offset);
        // a duplicate is another listing with a similar name at the same address: names folded ("Baeckerei" = "Bäckerei")
        // and compared by trigram similarity, streets by their key ("Hochstr. 79" = "Hochstraße 79a", see V78)
        List<Row> rows = jdbc.sql("""
                        SELECT b.id, b.slug, b.name, c.name AS category, b.street, b.postal_code, b.status, b.rejection_reason,
                               b.created_at, b.last_confirmed_at, b.owner_changed_at, dup.id AS duplicate_id, dup.name AS duplicate_name,
                               EXISTS (SELECT 1 FROM business_pending_change p WHERE p.business_id = b.id) AS change_pending,
                               ARRAY(SELECT o.account_id FROM business_owner o WHERE o.business_id = b.id ORDER BY o.account_id) AS owners
                        FROM business b JOIN category c ON c.id = b.category_id
                        LEFT JOIN LATERAL (SELECT d.id, d.name FROM business d
                                           WHERE d.id <> b.id AND d.postal_code = b.postal_code AND d.street_key = b.street_key
                                           AND similarity(d.name_folded, b.name_folded) >= 0.5 AND d.status <> 'ARCHIVED'
                                           ORDER BY similarity(d.name_folded, b.name_folded) DESC, d.id LIMIT 1) dup ON TRUE
                        WHERE\s""" + condition + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .paramSource(params)
                .query((rs, i) -> new Row(new Listing(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("category"), rs.getString("street"), rs.getString("postal_code"),
                        ListingStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
                        PlatformConfiguration.cityTime(rs, "created_at"),
                        PlatformConfiguration.cityTime(rs, "last_confirmed_at"),
                        PlatformConfiguration.cityTime(rs, "owner_changed_at"), "",
                        rs.getObject("duplicate_id", Long.class), rs.getString("duplicate_name"),
                        rs.getBoolean("change_pending"), false), List.of((Long[]) rs.getArray("owners").getArray())))
                .list();
        // every owner's address in one call, not one per row
        List<Long> owners = rows.stream().flatMap(r -> r.owners().stream()).distinct().toList();
        Map<Long, String> emails = accounts.emailsOf(owners);
        java.util.Set<Long> unverified = accounts.unverifiedAmong(owners);
        return rows.stream().map(r -> r.listing().withOwners(r.owners().stream().map(emails::get)
                        .filter(java.util.Objects::nonNull).collect(Collectors.joining(", ")),
                !r.owners().isEmpty() && unverified.containsAll(r.owners()))).toList();
    }

    private record Row(Listing listing, List<Long> owners) {
    }

    /** @param stale only published listings not confirmed within the configured interval; status null: any */
    public record StaffFilter(String query, ListingStatus status, boolean stale) {
    }

    public record Listing(long id, String slug, String name, String category, String street, String postalCode,
                          ListingStatus status, String rejectionReason, ZonedDateTime createdAt,
                          ZonedDateTime lastConfirmedAt, ZonedDateTime ownerChangedAt, String owners,
                          Long duplicateId, String duplicateName, boolean changePending, boolean emailUnconfirmed) {

        /** @param emailUnconfirmed no owner has confirmed their e-mail address yet (a sign-up still on its way) */
        Listing withOwners(String owners, boolean emailUnconfirmed) {
            return new Listing(id, slug, name, category, street, postalCode, status, rejectionReason, createdAt,
                    lastConfirmedAt, ownerChangedAt, owners, duplicateId, duplicateName, changePending, emailUnconfirmed);
        }
    }

    /**
     * What an owner can change; {@code version} is the one the owner started from.
     *
     * @param latitude  with {@code longitude} the pin on the map; both null: not placed (the geocoder may find it)
     */
    public record ListingEdit(String name, String category, String district, String description, String tags,
                              String street, String postalCode, String phone, String email, String website,
                              boolean acceptsVoucher, boolean sellsFairtrade, boolean wifiHotspot, boolean marketStall,
                              boolean onlineShop, boolean delivery, boolean clickAndCollect,
                              BigDecimal latitude, BigDecimal longitude, long version) {

        ListingEdit withVersion(long newVersion) {
            return new ListingEdit(name, category, district, description, tags, street, postalCode, phone, email,
                    website, acceptsVoucher, sellsFairtrade, wifiHotspot, marketStall, onlineShop, delivery,
                    clickAndCollect, latitude, longitude, newVersion);
        }

        public ListingEdit withCoordinates(BigDecimal newLatitude, BigDecimal newLongitude) {
            return new ListingEdit(name, category, district, description, tags, street, postalCode, phone, email,
                    website, acceptsVoucher, sellsFairtrade, wifiHotspot, marketStall, onlineShop, delivery,
                    clickAndCollect, newLatitude, newLongitude, version);
        }

        public boolean placed() {
            return latitude != null && longitude != null;
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
            fields.put("phone", ListingEdits.blankToNull(phone));
            fields.put("email", ListingEdits.blankToNull(email));
            fields.put("website", ListingEdits.blankToNull(website));
            fields.put("acceptsVoucher", acceptsVoucher);
            fields.put("sellsFairtrade", sellsFairtrade);
            fields.put("wifiHotspot", wifiHotspot);
            fields.put("marketStall", marketStall);
            fields.put("onlineShop", onlineShop);
            fields.put("delivery", delivery);
            fields.put("clickAndCollect", clickAndCollect);
            fields.put("latitude", latitude == null ? null : latitude.toPlainString());
            fields.put("longitude", longitude == null ? null : longitude.toPlainString());
            return fields;
        }
    }
}
