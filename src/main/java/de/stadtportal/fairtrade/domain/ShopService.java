package de.stadtportal.fairtrade.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.FairtradeListing;
import de.stadtportal.fairtrade.domain.Criteria.CountedBusiness;
import de.stadtportal.fairtrade.domain.Criteria.ShopCount;
import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where to buy fair: the directory's businesses with the Fairtrade attribute (read live through
 * {@link DirectoryApi}, never copied) with what this feature adds per business id: the products,
 * how it sells (shop, café, …) and the staff's confirmation that makes it count for the title.
 */
@Service
@Transactional
public class ShopService {

    static final String ENTITY = "Fairtrade-Geschäft";

    private final NamedParameterJdbcTemplate jdbc;
    private final DirectoryApi directory;
    private final AuditLog auditLog;
    private final Clock clock;

    ShopService(NamedParameterJdbcTemplate jdbc, DirectoryApi directory, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The published businesses that sell fair now, by name, with products and confirmation. */
    @Transactional(readOnly = true)
    public List<Shop> shops() {
        List<FairtradeListing> listings = directory.fairtradeSellers();
        Map<Long, Offer> offers = offers(listings.stream().map(FairtradeListing::id).toList());
        return listings.stream().map(l -> new Shop(l, offers.getOrDefault(l.id(), Offer.NONE))).toList();
    }

    /** Shops and gastronomy that count for criterion 3 today. */
    @Transactional(readOnly = true)
    public ShopCount count() {
        return Criteria.shops(shops().stream().map(Shop::counted).toList());
    }

    /** Staff confirm (or withdraw) that a business sells at least two fair products. @return false: no such seller */
    public boolean confirm(long businessId, boolean confirmed) {
        if (directory.fairtradeSellers().stream().noneMatch(l -> l.id() == businessId)) {
            return false;
        }
        Offer before = offers(List.of(businessId)).getOrDefault(businessId, Offer.NONE);
        CurrentUser user = CurrentUser.get();
        jdbc.update("""
                INSERT INTO fairtrade_business (business_id, confirmed_at, confirmed_by, version) VALUES (:id, :at, :by, 1)
                ON CONFLICT (business_id) DO UPDATE SET confirmed_at = EXCLUDED.confirmed_at,
                    confirmed_by = EXCLUDED.confirmed_by, version = fairtrade_business.version + 1""",
                new MapSqlParameterSource("id", businessId).addValue("at", confirmed ? OffsetDateTime.now(clock) : null)
                        .addValue("by", confirmed && user != null ? user.email() : null));
        auditLog.record(ENTITY, businessId, confirmed ? "CONFIRMED" : "UNCONFIRMED",
                Map.of("confirmed", before.confirmedAt() != null), Map.of("confirmed", confirmed));
        return true;
    }

    /** The account's listings, each with what it offers. */
    @Transactional(readOnly = true)
    public List<OwnListing> ownedBy(long accountId) {
        List<FairtradeListing> listings = directory.listingsOwnedBy(accountId);
        Map<Long, Offer> offers = offers(listings.stream().map(FairtradeListing::id).toList());
        return listings.stream().map(l -> new OwnListing(l, offers.getOrDefault(l.id(), Offer.NONE))).toList();
    }

    /**
     * The owner's "verkauft Fairtrade-Produkte" (the directory's attribute) and the products. A change
     * to what is sold asks staff to confirm again.
     *
     * @return empty when the account does not own the listing, else whether it was saved (false: stale)
     */
    public Optional<Boolean> saveByOwner(long accountId, long businessId, boolean sells, Set<Product> products,
                                         Set<SaleKind> kinds, long version) {
        Optional<OwnListing> own = ownedBy(accountId).stream().filter(o -> o.listing().id() == businessId).findFirst();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Offer before = own.get().offer();
        if (before.version() != version) {
            return Optional.of(false);
        }
        directory.setSellsFairtrade(businessId, accountId, sells);
        boolean changed = !before.products().equals(products) || !before.kinds().equals(kinds);
        jdbc.update("""
                INSERT INTO fairtrade_business (business_id, products, sale_kinds, version) VALUES (:id, :products, :kinds, 1)
                ON CONFLICT (business_id) DO UPDATE SET products = EXCLUDED.products, sale_kinds = EXCLUDED.sale_kinds,
                    confirmed_at = CASE WHEN :changed THEN NULL ELSE fairtrade_business.confirmed_at END,
                    confirmed_by = CASE WHEN :changed THEN NULL ELSE fairtrade_business.confirmed_by END,
                    version = fairtrade_business.version + 1""",
                new MapSqlParameterSource("id", businessId).addValue("products", names(products))
                        .addValue("kinds", names(kinds)).addValue("changed", changed));
        auditLog.record(ENTITY, businessId, "CHANGED",
                Map.of("sells", own.get().listing().sellsFairtrade(), "products", before.products(), "kinds", before.kinds()),
                Map.of("sells", sells, "products", products, "kinds", kinds));
        return Optional.of(true);
    }

    private Map<Long, Offer> offers(Collection<Long> ids) {
        Map<Long, Offer> offers = new HashMap<>();
        if (ids.isEmpty()) {
            return offers;
        }
        jdbc.query("SELECT * FROM fairtrade_business WHERE business_id IN (:ids)", Map.of("ids", ids), rs -> {
            offers.put(rs.getLong("business_id"), new Offer(set(rs.getArray("products"), Product.class),
                    set(rs.getArray("sale_kinds"), SaleKind.class), rs.getObject("confirmed_at", OffsetDateTime.class),
                    rs.getLong("version")));
        });
        return offers;
    }

    private static <E extends Enum<E>> Set<E> set(Array array, Class<E> type) throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream((Object[]) array.getArray()).forEach(v -> values.add(Enum.valueOf(type, v.toString())));
        return values;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    /** @param confirmedAt null: staff have not confirmed it (yet) @param version 0: nothing stored yet */
    public record Offer(Set<Product> products, Set<SaleKind> kinds, OffsetDateTime confirmedAt, long version) {

        static final Offer NONE = new Offer(Set.of(), Set.of(), null, 0);

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    public record Shop(FairtradeListing listing, Offer offer) {

        CountedBusiness counted() {
            return CountedBusiness.of(listing.id(), offer.confirmed(), offer.kinds(), listing.categorySlug());
        }

        /** How it sells; without a kind given, its directory category decides (gastronomy or shop). */
        public Set<SaleKind> kinds() {
            if (!offer.kinds().isEmpty()) {
                return offer.kinds();
            }
            return Set.of("gastronomie".equals(listing.categorySlug()) ? SaleKind.CAFE : SaleKind.SHOP);
        }
    }

    public record OwnListing(FairtradeListing listing, Offer offer) {
    }
}
