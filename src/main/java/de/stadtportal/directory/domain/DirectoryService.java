package de.stadtportal.directory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.stadtportal.platform.Localized;
import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.directory.DirectoryApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link DirectoryApi} for other features: delegates to {@link BusinessSearch}, reads one business and the staff's work. */
@Service
@Transactional(readOnly = true)
class DirectoryService implements DirectoryApi {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BusinessSearch businesses;
    private final OpeningHoursService hours;
    private final Listings listings;
    private final FairtradeListings fairtrade;
    private final OwnedListings ownedListings;

    DirectoryService(JdbcClient jdbc, Clock clock, BusinessSearch businesses, OpeningHoursService hours,
                     Listings listings, FairtradeListings fairtrade, OwnedListings ownedListings) {
        this.ownedListings = ownedListings;
        this.fairtrade = fairtrade;
        this.jdbc = jdbc;
        this.clock = clock;
        this.businesses = businesses;
        this.hours = hours;
        this.listings = listings;
    }

    @Override
    public long dataVersion() {
        return jdbc.sql(BusinessSearch.VERSION).query(Long.class).single();
    }

    @Override
    public SearchResult search(Search search) {
        return businesses.search(search);
    }

    @Override
    public List<MapBusiness> mapped(Search search, int limit) {
        return businesses.mapped(search, limit);
    }

    @Override
    public Optional<BusinessDetail> find(String slug) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return jdbc.sql("SELECT b.*, c.name AS category, c.name_en AS category_en, d.name AS district, d.name_en AS district_en, (" + BusinessSearch.OPEN_NOW + ") AS open_now"
                        + " FROM business b" + BusinessSearch.SUMMARY_JOINS + " WHERE b.slug = :slug AND b.status = 'PUBLISHED'")
                .paramSource(BusinessSearch.params(now).addValue("slug", slug))
                .query((rs, i) -> detail(rs))
                .optional()
                .map(business -> business.withHours(hours.weekly(business.id()), now.getDayOfWeek().getValue()));
    }

    @Override
    public Optional<Long> idOf(String slug) {
        return jdbc.sql("SELECT id FROM business WHERE slug = :slug AND status = 'PUBLISHED'")
                .param("slug", slug).query(Long.class).optional();
    }

    @Override
    public List<String> listingNamesOwnedBy(long accountId) {
        return jdbc.sql("""
                        SELECT b.name FROM business b JOIN business_owner o ON o.business_id = b.id
                        WHERE o.account_id = :account ORDER BY b.name""")
                .param("account", accountId).query(String.class).list();
    }

    @Override
    public List<BusinessSummary> withAttribute(String attribute) {
        return businesses.withAttribute(BusinessAttribute.byKey(attribute)
                .orElseThrow(() -> new IllegalArgumentException(attribute)));
    }

    @Override
    public List<OpenDataBusiness> openData(int page, int size) {
        return businesses.openData(page, size);
    }

    @Override
    public long publishedCount() {
        return businesses.publishedCount();
    }

    @Override
    public StaffWork staffWork() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM business WHERE status = 'PENDING') AS pending,
                               (SELECT count(*) FROM business WHERE owner_changed_at IS NOT NULL) AS changed,
                               (SELECT count(*) FROM business_report WHERE resolved_at IS NULL) AS reports,
                               (SELECT count(*) FROM business b WHERE\s""" + Listings.STALE + """
                        ) AS stale""")
                .param("staleBefore", listings.staleBefore())
                .query((rs, i) -> new StaffWork(rs.getLong("pending"), rs.getLong("changed"), rs.getLong("reports"),
                        rs.getLong("stale")))
                .single();
    }

    @Override
    public List<Option> categories() {
        return SearchOptions.categories(jdbc);
    }

    @Override
    public List<Option> districts() {
        return SearchOptions.districts(jdbc);
    }

    private static BusinessDetail detail(ResultSet rs) throws SQLException {
        List<String> attributes = new ArrayList<>();
        for (BusinessAttribute attribute : BusinessAttribute.values()) {
            if (rs.getBoolean(attribute.column())) {
                attributes.add(attribute.key());
            }
        }
        return new BusinessDetail(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                Localized.of(rs.getString("category"), rs.getString("category_en")), BusinessSearch.district(rs), rs.getString("description"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                List.copyOf(attributes), rs.getBoolean("open_now"), rs.getBoolean("example"), List.of(), 0);
    }

    @Override
    public List<FairtradeListing> fairtradeSellers() {
        return fairtrade.selling();
    }

    @Override
    public List<FairtradeListing> listingsOwnedBy(long accountId) {
        return fairtrade.ownedBy(accountId);
    }

    @Override
    @Transactional
    public boolean setSellsFairtrade(long businessId, long accountId, boolean sells) {
        return fairtrade.setSelling(businessId, accountId, sells);
    }

    @Override
    public List<Option> publishedListingsOwnedBy(long accountId) {
        return ownedListings.published(accountId);
    }
}
