package de.stadtportal.directory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.directory.domain.DirectoryProperties;
import de.stadtportal.directory.domain.OwnedListings;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the business directory: search with filters and paging, one business with its hours.
 * Search runs in PostgreSQL: German full text over folded text (umlauts and ß either way),
 * trigram similarity on the name for typos, name weighing more than tags and description.
 * It ranks and counts a bounded set of index-backed candidates (at most {@link #MAX_RESULTS}, then
 * "mehr als 1.000"), and identical searches within a short time reuse their result
 * ({@link DirectorySearchCache}, never after a change).
 */
@Service
@Transactional(readOnly = true)
public class DirectoryApi {

    public static final int PAGE_SIZE = 20;

    /** Attribute filters: URL parameter → column. Only these fixed columns ever reach the SQL. */
    public static final Map<String, String> ATTRIBUTES = new java.util.LinkedHashMap<>();

    static {
        ATTRIBUTES.put("gutschein", "accepts_voucher");
        ATTRIBUTES.put("fairtrade", "sells_fairtrade");
        ATTRIBUTES.put("wlan", "wifi_hotspot");
        ATTRIBUTES.put("wochenmarkt", "market_stall");
        ATTRIBUTES.put("onlineshop", "online_shop");
        ATTRIBUTES.put("lieferung", "delivery");
        ATTRIBUTES.put("abholung", "click_and_collect");
    }

    /** Open at this moment in Bottrop: a dated exception for today wins over the weekly hours. */
    private static final String OPEN_NOW = """
            CASE WHEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.business_id = b.id AND e.day = :today)
                 THEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.business_id = b.id AND e.day = :today
                              AND e.opens IS NOT NULL AND :time >= e.opens AND :time < e.closes)
                 ELSE EXISTS (SELECT 1 FROM opening_hours h WHERE h.business_id = b.id
                              AND h.day_of_week = :dow AND :time >= h.opens AND :time < h.closes) END""";

    /** The columns summary() reads, with their joins; callers add FROM business b (or a page of it). */
    private static final String SUMMARY_COLUMNS = """
            SELECT b.slug, b.name, c.name AS category, d.name AS district, b.street, b.postal_code, b.city,
                   b.example, (""" + OPEN_NOW + ") AS open_now";
    private static final String SUMMARY_JOINS =
            " JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id";

    // Folded once per query (an InitPlan): in a generic prepared plan a function of the parameter
    // would otherwise be evaluated again for every row.
    private static final String FOLDED = "(SELECT portal_fold(:q))";
    private static final String TSQUERY = "(SELECT websearch_to_tsquery('german', portal_fold(:q)))";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final DirectoryProperties settings;
    private final DirectorySearchCache cache;
    private final OwnedListings ownedListings;

    DirectoryApi(NamedParameterJdbcTemplate jdbc, Clock clock, DirectoryProperties settings, DirectorySearchCache cache,
                 OwnedListings ownedListings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.cache = cache;
        this.ownedListings = ownedListings;
    }

    /**
     * A search looks at no more candidates than this; with more matches the page says "mehr als 1.000"
     * and pages end there. Ranking or counting every one of 10,000 "Bäckerei" names costs more than the
     * page may take, and nobody pages through them: a more precise query or a filter helps instead.
     */
    public static final int MAX_RESULTS = 1000;

    /** Full text finding fewer names than a page adds names with a typo (trigrams): "Bäckrei", "Fahrrad". */
    private static final int FEW_NAMES = PAGE_SIZE;

    /** The query folded and as full text, computed once per search (materialised; InitPlans below). */
    private static final String QUERY_CTE = "q AS MATERIALIZED (SELECT websearch_to_tsquery('german', portal_fold(:q)) AS tsq,"
            + " portal_fold(:q) AS folded)";
    /**
     * Name weighs most, then tags, then description: the weighted full-text rank plus how similar the name
     * is to the query. A name that matches in full text counts as fully similar (1, the highest word
     * similarity), which spares computing trigrams for each of up to a thousand names that match anyway;
     * every other candidate gets its word similarity (typos: "Bäckrei").
     */
    private static final String RANK = "ts_rank(b.search_vector, (SELECT tsq FROM q)) * 2"
            + " + CASE WHEN b.name_vector @@ (SELECT tsq FROM q) THEN 1"
            + " ELSE word_similarity((SELECT folded FROM q), b.name_folded) END";

    /** The version of everything a search shows; every write to the directory's tables draws a new one (V25). */
    public long dataVersion() {
        return jdbc.getJdbcOperations().queryForObject("SELECT last_value + is_called::int FROM directory_version", Long.class);
    }

    public SearchResult search(Search search) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        // a one-letter typo in a word of eight ("Bäckrei") scores about 0.55; the default is 0.6.
        // The same round trip reads the version of the directory's data for the cache key (is_called
        // tells the untouched sequence, last_value 1, from the one after its first change, also 1).
        Long version = jdbc.getJdbcOperations().queryForObject(
                "SELECT last_value + is_called::int FROM directory_version,"
                        + " set_config('pg_trgm.word_similarity_threshold', '0.5', true)",
                Long.class);
        return cache.get(search, version, now.toLocalDateTime().withSecond(0).withNano(0), () -> searchNow(search, now));
    }

    private SearchResult searchNow(Search search, ZonedDateTime now) {
        MapSqlParameterSource params = params(now);
        String query = search.query() == null ? "" : search.query().strip();
        String filter = String.join(" AND ", filters(search, params));
        int page = Math.max(search.page(), 0);
        long offset = (long) page * PAGE_SIZE;
        // pages end at MAX_RESULTS (the candidates hold one more, which only tells that there are more)
        params.addValue("q", query).addValue("limit", Math.max(0, Math.min(PAGE_SIZE, MAX_RESULTS - offset)))
                .addValue("offset", offset);
        boolean byName = query.isEmpty() || "name".equals(search.sort());
        String order = byName ? "name, id" : "rank DESC, name, id";
        String sql;
        if (query.isEmpty()) {
            // no query: the page in name order (index on status, name), the count stops after MAX_RESULTS
            sql = "WITH cand AS (SELECT 1 FROM business b WHERE " + filter + " LIMIT " + (MAX_RESULTS + 1) + "),"
                    + " page AS (SELECT b.id, b.name, 0 AS rank FROM business b WHERE " + filter
                    + " ORDER BY b.name, b.id LIMIT :limit OFFSET :offset)";
        } else {
            // Candidates, each set index-backed and bounded: names matching in full text first (own GIN
            // index); all full text (name, tags, description) unless the names already fill the cap;
            // names with a typo (trigrams) only if full text found fewer names than a page; businesses
            // of a category the query names ("Gastronomie"). Only these are ranked and counted.
            String select = "SELECT b.id, b.name, " + RANK + " AS rank FROM business b WHERE " + filter;
            String cap = " LIMIT " + (MAX_RESULTS + 1);
            sql = "WITH " + QUERY_CTE + ","
                    + " named AS (" + select + " AND b.name_vector @@ (SELECT tsq FROM q)" + cap + "),"
                    + " fulltext AS (" + select + " AND (SELECT count(*) FROM named) <= " + MAX_RESULTS
                    + " AND b.search_vector @@ (SELECT tsq FROM q)" + cap + "),"
                    + " typo AS (" + select + " AND (SELECT count(*) FROM named) < " + FEW_NAMES
                    + " AND (SELECT folded FROM q) <% b.name_folded" + cap + "),"
                    // scanned only if the query names a category (one-time filter)
                    + " category_named AS MATERIALIZED (SELECT id FROM category WHERE portal_fold(name) = (SELECT folded FROM q)),"
                    + " in_category AS (" + select + " AND EXISTS (SELECT FROM category_named)"
                    + " AND b.category_id IN (SELECT id FROM category_named)" + cap + "),"
                    + " cand AS (SELECT * FROM named UNION SELECT * FROM fulltext UNION SELECT * FROM typo"
                    + " UNION SELECT * FROM in_category),"
                    + " page AS (SELECT * FROM cand ORDER BY " + order + " LIMIT :limit OFFSET :offset)";
        }
        // one round trip: the count always gives one row, the page's rows (if any) join it;
        // names, places and "open now" only for the page's rows
        List<Long> totals = new ArrayList<>();
        List<BusinessSummary> hits = new ArrayList<>();
        jdbc.query(sql + " SELECT t.total, s.* FROM (SELECT count(*) AS total FROM cand) t LEFT JOIN ("
                        + SUMMARY_COLUMNS + ", page.id AS page_id, page.name AS page_name, page.rank AS page_rank"
                        + " FROM page JOIN business b ON b.id = page.id" + SUMMARY_JOINS + ") s ON TRUE"
                        + " ORDER BY " + (byName ? "s.page_name, s.page_id" : "s.page_rank DESC, s.page_name, s.page_id"),
                params, rs -> {
                    totals.add(rs.getLong("total"));
                    if (rs.getString("slug") != null) {
                        hits.add(summary(rs));
                    }
                });
        long found = totals.isEmpty() ? 0 : totals.get(0);
        return new SearchResult(List.copyOf(hits), Math.min(found, MAX_RESULTS), found > MAX_RESULTS, page, PAGE_SIZE);
    }

    /** FROM and WHERE of a search: published businesses matching the query and filters; adds the parameters. */
    private String where(Search search, MapSqlParameterSource params) {
        String query = search.query() == null ? "" : search.query().strip();
        params.addValue("q", query);
        // each condition can use an index: full text (GIN), trigram on the folded name (GIN), category
        List<String> conditions = filters(search, params);
        if (!query.isEmpty()) {
            // a query naming a category ("Gastronomie") finds that category; looked up first, because a
            // subquery inside the OR would keep PostgreSQL from combining the indexes (BitmapOr)
            List<Long> namedCategories = jdbc.queryForList(
                    "SELECT id FROM category WHERE portal_fold(name) = portal_fold(:q)", Map.of("q", query), Long.class);
            params.addValue("namedCategories", namedCategories);
            conditions.add("(b.search_vector @@ " + TSQUERY + " OR " + FOLDED + " <% b.name_folded"
                    + (namedCategories.isEmpty() ? "" : " OR b.category_id IN (:namedCategories)") + ")");
        }
        return " FROM business b WHERE " + String.join(" AND ", conditions);
    }

    /** Conditions on b besides the query: published, category, district, attributes, open now; adds the parameters. */
    private List<String> filters(Search search, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>(List.of("b.status = 'PUBLISHED'"));
        if (search.category() != null && !search.category().isBlank()) {
            conditions.add("b.category_id = (SELECT id FROM category WHERE slug = :category)");
            params.addValue("category", search.category());
        }
        if (search.district() != null && !search.district().isBlank()) {
            conditions.add("b.district_id = (SELECT id FROM district WHERE slug = :district)");
            params.addValue("district", search.district());
        }
        for (String attribute : search.attributes()) {
            String column = ATTRIBUTES.get(attribute);
            if (column != null) {
                conditions.add("b." + column);
            }
        }
        if (search.openNow()) {
            conditions.add("(" + OPEN_NOW + ")");
        }
        return conditions;
    }

    /**
     * Every business of a search that has coordinates, by name, for the map; at most {@code limit}.
     * The filters are those of {@link #search(Search)}; page and sort are ignored.
     */
    public List<MapBusiness> mapped(Search search, int limit) {
        jdbc.getJdbcOperations().execute("SET LOCAL pg_trgm.word_similarity_threshold = 0.5");
        MapSqlParameterSource params = params();
        String where = where(search, params) + " AND b.latitude IS NOT NULL AND b.longitude IS NOT NULL";
        params.addValue("limit", limit);
        return jdbc.query("SELECT b.slug, b.name, b.street, b.postal_code, b.city, b.latitude, b.longitude" + where
                        + " ORDER BY b.name, b.id LIMIT :limit", params,
                (rs, i) -> new MapBusiness(rs.getString("slug"), rs.getString("name"), rs.getString("street"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getBigDecimal("latitude"),
                        rs.getBigDecimal("longitude")));
    }

    public Optional<BusinessDetail> find(String slug) {
        MapSqlParameterSource params = params().addValue("slug", slug);
        List<BusinessDetail> found = jdbc.query("""
                SELECT b.*, c.name AS category, d.name AS district, (""" + OPEN_NOW + """
                ) AS open_now
                FROM business b
                JOIN category c ON c.id = b.category_id
                LEFT JOIN district d ON d.id = b.district_id
                WHERE b.slug = :slug AND b.status = 'PUBLISHED'""", params, (rs, i) -> detail(rs));
        return found.stream().findFirst().map(this::withHours);
    }

    /** The id of a published business. */
    public Optional<Long> idOf(String slug) {
        return jdbc.queryForList("SELECT id FROM business WHERE slug = :slug AND status = 'PUBLISHED'",
                Map.of("slug", slug), Long.class).stream().findFirst();
    }

    /** Names of the listings an account owns, whatever their status, by name: who a business account is, for staff pages. */
    public List<String> listingNamesOwnedBy(long accountId) {
        return jdbc.queryForList("""
                SELECT b.name FROM business b JOIN business_owner o ON o.business_id = b.id
                WHERE o.account_id = :account ORDER BY b.name""", Map.of("account", accountId), String.class);
    }

    /** The published listings an account owns (slug and name), by name: what it may act for in other features. */
    public List<Option> publishedListingsOwnedBy(long accountId) {
        return ownedListings.published(accountId);
    }

    /** All published businesses with one attribute (for the topic pages), by name; at most 500. */
    public List<BusinessSummary> withAttribute(String attribute) {
        String column = ATTRIBUTES.get(attribute);
        if (column == null) {
            throw new IllegalArgumentException(attribute);
        }
        return jdbc.query(SUMMARY_COLUMNS + " FROM business b" + SUMMARY_JOINS
                        + " WHERE b.status = 'PUBLISHED' AND b." + column + " ORDER BY b.name LIMIT 500", params(),
                (rs, i) -> summary(rs));
    }

    /** Published listings as open data, by name; no owner or account data. */
    public List<OpenDataBusiness> openData(int page, int size) {
        return jdbc.query("""
                SELECT b.slug, b.name, c.name AS category, d.name AS district, b.street, b.postal_code, b.city,
                       b.latitude, b.longitude, b.phone, b.email, b.website, b.accepts_voucher, b.sells_fairtrade,
                       b.wifi_hotspot, b.market_stall, b.online_shop, b.delivery, b.click_and_collect, b.example
                FROM business b JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id
                WHERE b.status = 'PUBLISHED' ORDER BY b.name, b.id LIMIT :limit OFFSET :offset""",
                new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size),
                (rs, i) -> new OpenDataBusiness(rs.getString("slug"), rs.getString("name"), rs.getString("category"),
                        rs.getString("district"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"),
                        rs.getString("email"), rs.getString("website"), rs.getBoolean("accepts_voucher"),
                        rs.getBoolean("sells_fairtrade"), rs.getBoolean("wifi_hotspot"), rs.getBoolean("market_stall"),
                        rs.getBoolean("online_shop"), rs.getBoolean("delivery"), rs.getBoolean("click_and_collect"),
                        rs.getBoolean("example")));
    }

    public long publishedCount() {
        return jdbc.getJdbcOperations().queryForObject("SELECT count(*) FROM business WHERE status = 'PUBLISHED'", Long.class);
    }

    /** What waits for staff in the directory, for the staff dashboard. */
    public StaffWork staffWork() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM business WHERE status = 'PENDING') AS pending,
                       (SELECT count(*) FROM business WHERE owner_changed_at IS NOT NULL) AS changed,
                       (SELECT count(*) FROM business_report WHERE resolved_at IS NULL) AS reports,
                       (SELECT count(*) FROM business WHERE status = 'PUBLISHED'
                          AND (last_confirmed_at IS NULL OR last_confirmed_at < :staleBefore)) AS stale""",
                Map.of("staleBefore", java.time.OffsetDateTime.now(clock).minus(settings.confirmationInterval())),
                (rs, i) -> new StaffWork(rs.getLong("pending"), rs.getLong("changed"), rs.getLong("reports"), rs.getLong("stale")));
    }

    public List<Option> categories() {
        return jdbc.query("SELECT slug, name FROM category ORDER BY position, name",
                (rs, i) -> new Option(rs.getString("slug"), rs.getString("name")));
    }

    public List<Option> districts() {
        return jdbc.query("SELECT slug, name FROM district ORDER BY name",
                (rs, i) -> new Option(rs.getString("slug"), rs.getString("name")));
    }

    private BusinessDetail withHours(BusinessDetail business) {
        List<OpeningHours> hours = jdbc.query("""
                SELECT day_of_week, opens, closes FROM opening_hours WHERE business_id = :id
                ORDER BY day_of_week, opens""", Map.of("id", business.id()),
                (rs, i) -> new OpeningHours(rs.getInt("day_of_week"), rs.getObject("opens", LocalTime.class),
                        rs.getObject("closes", LocalTime.class)));
        return business.withHours(hours, ZonedDateTime.now(clock).getDayOfWeek().getValue());
    }

    private MapSqlParameterSource params() {
        return params(ZonedDateTime.now(clock));
    }

    private static MapSqlParameterSource params(ZonedDateTime now) {
        return new MapSqlParameterSource()
                .addValue("today", now.toLocalDate())
                .addValue("dow", now.getDayOfWeek().getValue())
                .addValue("time", now.toLocalTime().withNano(0));
    }

    private static BusinessSummary summary(ResultSet rs) throws SQLException {
        return new BusinessSummary(rs.getString("slug"), rs.getString("name"), rs.getString("category"),
                rs.getString("district"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getBoolean("open_now"), rs.getBoolean("example"));
    }

    private static BusinessDetail detail(ResultSet rs) throws SQLException {
        List<String> attributes = new ArrayList<>();
        for (Map.Entry<String, String> attribute : ATTRIBUTES.entrySet()) {
            if (rs.getBoolean(attribute.getValue())) {
                attributes.add(attribute.getKey());
            }
        }
        return new BusinessDetail(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("category"),
                rs.getString("district"), rs.getString("description"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                List.copyOf(attributes), rs.getBoolean("open_now"), rs.getBoolean("example"), List.of(), 0);
    }

    /** @param attributes keys of {@link #ATTRIBUTES}; unknown ones are ignored */
    public record Search(String query, String category, String district, List<String> attributes, boolean openNow,
                         String sort, int page) {
    }

    /**
     * @param total  matches, at most {@link #MAX_RESULTS}
     * @param capped there are more than {@link #MAX_RESULTS} matches ("mehr als 1.000"); pages end there
     */
    public record SearchResult(List<BusinessSummary> hits, long total, boolean capped, int page, int pageSize) {

        public boolean hasNext() {
            return (long) (page + 1) * pageSize < total;
        }

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    public record BusinessSummary(String slug, String name, String category, String district, String street,
                                  String postalCode, String city, boolean openNow, boolean example) {
    }

    public record BusinessDetail(long id, String slug, String name, String category, String district, String description,
                                 String street, String postalCode, String city, BigDecimal latitude,
                                 BigDecimal longitude, String phone, String email, String website,
                                 List<String> attributes, boolean openNow, boolean example,
                                 List<OpeningHours> hours, int today) {

        BusinessDetail withHours(List<OpeningHours> hours, int today) {
            return new BusinessDetail(id, slug, name, category, district, description, street, postalCode, city, latitude,
                    longitude, phone, email, website, attributes, openNow, example, List.copyOf(hours), today);
        }
    }

    /** @param dayOfWeek ISO: 1 = Monday */
    public record OpeningHours(int dayOfWeek, LocalTime opens, LocalTime closes) {
    }

    /** One published business as published in the open data (contact data the business made public). */
    public record OpenDataBusiness(String slug, String name, String category, String district, String street,
                                   String postalCode, String city, BigDecimal latitude, BigDecimal longitude,
                                   String phone, String email, String website, boolean acceptsVoucher,
                                   boolean sellsFairtrade, boolean wifiHotspot, boolean marketStall, boolean onlineShop,
                                   boolean delivery, boolean clickAndCollect, boolean example) {
    }

    public record Option(String slug, String name) {
    }

    /**
     * @param changed published listings their owners changed since staff last looked
     * @param stale   published listings not confirmed within the configured interval
     */
    public record StaffWork(long pending, long changed, long reports, long stale) {
    }

    /** A business on the map: where it is and how it is called. */
    public record MapBusiness(String slug, String name, String street, String postalCode, String city,
                              BigDecimal latitude, BigDecimal longitude) {
    }
}
