package de.stadtportal.directory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.stadtportal.platform.Localized;
import de.stadtportal.platform.database.PublicDataVersion;
import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.BusinessSummary;
import de.stadtportal.directory.DirectoryApi.Thumbnail;
import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.OpenDataBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.DirectoryApi.SearchResult;
import de.stadtportal.search.QueryWords;
import de.stadtportal.search.QueryWordsReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finding published businesses: the search list, the map, the topic pages and the open data all match
 * with the same {@link #matching matcher}. Search runs in PostgreSQL: German full text over folded text
 * (umlauts and ß either way), trigram similarity on the name for typos, name weighing more than tags and
 * description. It ranks and counts a bounded set of index-backed candidates (at most
 * {@link DirectoryApi#MAX_RESULTS}, then "mehr als 1.000"). Popular searches are cheap because the page
 * anonymous visitors get is kept whole (platform PageCache); there is no second cache here. Searches with
 * words are matched and ranked by the same rules in memory ({@link BusinessIndex}, per data version), so
 * PostgreSQL reads only the query's words and the page's rows; "open now" and a search while the index is
 * being built are answered here in SQL.
 */
@Service
public class BusinessSearch {

    /** Open at this moment in Bottrop: a dated exception for today wins over the weekly hours. */
    static final String OPEN_NOW = """
            CASE WHEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.business_id = b.id AND e.day = :today)
                 THEN EXISTS (SELECT 1 FROM opening_exception e WHERE e.business_id = b.id AND e.day = :today
                              AND e.opens IS NOT NULL AND :time >= e.opens AND :time < e.closes)
                 ELSE EXISTS (SELECT 1 FROM opening_hours h WHERE h.business_id = b.id
                              AND h.day_of_week = :dow AND :time >= h.opens AND :time < h.closes) END""";

    /** The logo, else the first photo, for {@link #thumbnail}: one index probe per hit. */
    private static final String IMAGE = "(SELECT ARRAY[i.id::text, i.alt_text, i.content_type, i.width::text, i.height::text]"
            + " FROM business_image i WHERE i.business_id = b.id ORDER BY i.kind, i.position, i.id LIMIT 1)";

    /** The columns summary() reads, with their joins; callers add FROM business b (or a page of it). */
    private static final String SUMMARY_COLUMNS = """
            SELECT b.slug, b.name, c.name AS category, c.name_en AS category_en, d.name AS district, d.name_en AS district_en, b.street, b.postal_code, b.city,
                   b.example, (""" + OPEN_NOW + ") AS open_now, " + IMAGE + " AS image";

    static final String SUMMARY_JOINS =
            " JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id";

    /**
     * Name weighs most, then tags, then description: the weighted full-text rank plus how similar the name
     * is to the query. A name that matches in full text counts as fully similar (1, the highest word
     * similarity), which spares computing trigrams for each of up to a thousand names that match anyway;
     * every other candidate gets its word similarity (typos: "Bäckrei").
     */
    private static final String RANK = "coalesce(ts_rank(b.search_vector, (SELECT tsq FROM q)), 0) * 2"
            + " + CASE WHEN b.name_vector @@ (SELECT tsq FROM q) THEN 1"
            + " ELSE word_similarity((SELECT folded FROM q), b.name_folded) END";

    /** The directory's data version (is_called tells the untouched sequence from the one after its first change). */
    static final String VERSION = "SELECT last_value + is_called::int FROM directory_version";

    /**
     * The candidates' ids as one array: the businesses are then read by primary key, however many the planner
     * (which cannot know) expects, instead of a join that may scan the whole table.
     */
    private static final String CANDIDATES = "ARRAY(SELECT id FROM cand)";

    /** Businesses whose result rows are kept per data version (about half a kilobyte each). */
    private static final int LISTINGS_KEPT = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BusinessIndexes indexes;
    private final QueryWordsReader wordsReader;
    private final boolean inMemory;
    private final TransactionTemplate readOnly;
    private volatile Listings listings = new Listings(Long.MIN_VALUE, Caffeine.newBuilder().maximumSize(0).build());

    BusinessSearch(JdbcClient jdbc, Clock clock, BusinessIndexes indexes, QueryWordsReader wordsReader,
                   DirectoryProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.indexes = indexes;
        this.wordsReader = wordsReader;
        this.inMemory = properties.searchInMemory();
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    public SearchResult search(Search search) {
        return page(search).result();
    }

    /**
     * A page of results and the public data version read with it, so the list page can take the form's
     * categories and districts from {@link SearchOptions} without a query of its own.
     */
    public SearchPage page(Search search) {
        return (inMemoryFits(search) ? pageInMemory(search) : Optional.<SearchPage>empty()).orElseGet(() -> pageInDatabase(search));
    }

    /** A search with words and without "open now" (which needs the hours): the in-memory index can answer it. */
    private boolean inMemoryFits(Search search) {
        return inMemory && !query(search).isEmpty() && !search.openNow();
    }

    /** A query's candidates in the index that answered it, with how it read the words and the data version asked for. */
    private record Match(BusinessIndex index, BusinessIndex.Reading reading, int[] candidates, long dataVersion) {
    }

    /** The candidates of a search in memory; empty while the index is being built by another search. */
    private Optional<Match> match(Search search, int bound) {
        QueryWordsReader.Words words = words(search);
        return indexes.atLeast(words.dataVersion()).map(index -> {
            BusinessIndex.Reading reading = index.read(words.words());
            return new Match(index, reading, index.candidates(search, reading, bound), words.dataVersion());
        });
    }

    /** {@link #page} matched and ranked in memory; empty while the index is being built by another search. */
    Optional<SearchPage> pageInMemory(Search search) {
        return match(search, DirectoryApi.MAX_RESULTS + 1).map(match -> pageOf(search, match));
    }

    private SearchPage pageOf(Search search, Match match) {
        BusinessIndex index = match.index();
        int[] candidates = match.candidates();
        int page = Math.max(search.page(), 0);
        long offset = (long) page * DirectoryApi.PAGE_SIZE;
        int limit = (int) Math.max(0, Math.min(DirectoryApi.PAGE_SIZE, DirectoryApi.MAX_RESULTS - offset));
        int[] ordered = "name".equals(search.sort()) ? candidates : byRank(index, match.reading(), candidates);
        List<Long> ids = new ArrayList<>();
        for (long k = offset; k < Math.min(ordered.length, offset + limit); k++) {
            ids.add(index.ids[ordered[(int) k]]);
        }
        int found = candidates.length;
        return new SearchPage(new SearchResult(summaries(ids, index.dataVersion), Math.min(found, DirectoryApi.MAX_RESULTS),
                found > DirectoryApi.MAX_RESULTS, page, DirectoryApi.PAGE_SIZE), match.dataVersion());
    }

    /** Highest rank first, then by name (the index's order), as {@code ORDER BY rank DESC, b.name, b.id}. */
    private static int[] byRank(BusinessIndex index, BusinessIndex.Reading reading, int[] candidates) {
        BusinessIndex.Ranking ranking = index.ranking(reading);
        double[] ranks = new double[candidates.length];
        Integer[] order = new Integer[candidates.length];
        for (int k = 0; k < candidates.length; k++) {
            ranks[k] = index.rank(candidates[k], ranking);
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> ranks[a] != ranks[b] ? Double.compare(ranks[b], ranks[a]) : Integer.compare(candidates[a], candidates[b]));
        int[] ordered = new int[candidates.length];
        for (int k = 0; k < ordered.length; k++) {
            ordered[k] = candidates[order[k]];
        }
        return ordered;
    }

    /**
     * The query's words as PostgreSQL folds and stems them, and the public data version: from memory for a query
     * asked before, else in one statement that reads no business.
     */
    private QueryWordsReader.Words words(Search search) {
        return wordsReader.read(QueryWords.translate(query(search), search.language()));
    }

    /**
     * What a result shows of a business, except "open now", which is told from its opening times per request.
     * Kept per data version, so a list shows a business it showed before without reading its row.
     */
    private record Listing(String slug, String name, Localized category, Localized district, String street,
                           String postalCode, String city, boolean example, Thumbnail thumbnail, OpeningTimes times) {

        BusinessSummary at(ZonedDateTime now) {
            return new BusinessSummary(slug, name, category, district, street, postalCode, city, times.openAt(now), example, thumbnail);
        }
    }

    /** The listings read as of one data version (the index's): a change of data starts anew. */
    private record Listings(long dataVersion, Cache<Long, Listing> byId) {
    }

    /** The summaries of these businesses in this order (one that was withdrawn meanwhile is left out). */
    private List<BusinessSummary> summaries(List<Long> ids, long dataVersion) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Listings kept = listings;
        if (kept.dataVersion() < dataVersion) {
            kept = new Listings(dataVersion, Caffeine.newBuilder().maximumSize(LISTINGS_KEPT).build());
            listings = kept;
        }
        // a search on an index older than the kept listings (a change meanwhile) reads its rows without keeping them
        Map<Long, Listing> found = kept.dataVersion() == dataVersion ? kept.byId().getAll(ids, this::listings) : listings(ids);
        ZonedDateTime now = ZonedDateTime.now(clock);
        return ids.stream().map(found::get).filter(Objects::nonNull).map(listing -> listing.at(now)).toList();
    }

    /** The result rows of these businesses with their opening times from yesterday on, in one statement. */
    private Map<Long, Listing> listings(Collection<? extends Long> ids) {
        Map<Long, Listing> byId = new HashMap<>();
        jdbc.sql("SELECT b.id, b.slug, b.name, c.name AS category, c.name_en AS category_en, d.name AS district,"
                        + " d.name_en AS district_en, b.street, b.postal_code, b.city, b.example, " + IMAGE + " AS image,"
                        + " ARRAY(SELECT concat_ws(' ', h.day_of_week, h.opens, h.closes) FROM opening_hours h"
                        + "       WHERE h.business_id = b.id) AS weekly,"
                        // an exception counts on its own day only; a kept listing may be shown until tomorrow
                        + " ARRAY(SELECT concat_ws(' ', e.day, e.opens, e.closes) FROM opening_exception e"
                        + "       WHERE e.business_id = b.id AND e.day >= :since) AS exceptions"
                        + " FROM business b" + SUMMARY_JOINS
                        + " WHERE b.id = ANY (CAST(:ids AS BIGINT[])) AND b.status = 'PUBLISHED'")
                .param("ids", idArray(ids))
                .param("since", LocalDate.now(clock).minusDays(1))
                .query(rs -> {
                    byId.put(rs.getLong("id"), new Listing(rs.getString("slug"), rs.getString("name"),
                            Localized.of(rs.getString("category"), rs.getString("category_en")), district(rs),
                            rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getBoolean("example"),
                            thumbnail(rs), openingTimes((String[]) rs.getArray("weekly").getArray(),
                            (String[]) rs.getArray("exceptions").getArray())));
                });
        return byId;
    }

    /** Opening times from "day_of_week opens closes" and "day [opens closes]" (concat_ws leaves out what is NULL). */
    private static OpeningTimes openingTimes(String[] weekly, String[] exceptions) {
        if (weekly.length == 0 && exceptions.length == 0) {
            return OpeningTimes.NONE;
        }
        List<OpeningTimes.Hours> hours = new ArrayList<>();
        for (String row : weekly) {
            String[] parts = row.split(" ");
            hours.add(new OpeningTimes.Hours(Integer.parseInt(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2])));
        }
        Map<LocalDate, OpeningTimes.Hours> dated = new HashMap<>();
        for (String row : exceptions) {
            String[] parts = row.split(" ");
            dated.put(LocalDate.parse(parts[0]), parts.length < 3 ? new OpeningTimes.Hours(0, null, null)
                    : new OpeningTimes.Hours(0, LocalTime.parse(parts[1]), LocalTime.parse(parts[2])));
        }
        return new OpeningTimes(hours, dated);
    }

    private static String idArray(Collection<? extends Long> ids) {
        StringBuilder array = new StringBuilder("{");
        for (Long id : ids) {
            array.append(array.length() > 1 ? "," : "").append(id);
        }
        return array.append('}').toString();
    }

    /** {@link #page} in PostgreSQL alone: the SQL matcher. */
    SearchPage pageInDatabase(Search search) {
        return readOnly.execute(status -> pageBySql(search));
    }

    private SearchPage pageBySql(Search search) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        MapSqlParameterSource params = params(now);
        String query = query(search);
        int page = Math.max(search.page(), 0);
        long offset = (long) page * DirectoryApi.PAGE_SIZE;
        // pages end at MAX_RESULTS (the candidates hold one more, which only tells that there are more)
        params.addValue("limit", Math.max(0, Math.min(DirectoryApi.PAGE_SIZE, DirectoryApi.MAX_RESULTS - offset)))
                .addValue("offset", offset);
        boolean byName = query.isEmpty() || "name".equals(search.sort());
        String sql;
        if (query.isEmpty()) {
            // no query: the page in name order (index on status, name), the count stops after MAX_RESULTS
            String filter = String.join(" AND ", filters(search, params));
            sql = "WITH cand AS (SELECT 1 FROM business b WHERE " + filter + " LIMIT " + (DirectoryApi.MAX_RESULTS + 1) + "),"
                    + " page AS (SELECT b.id, b.name, 0 AS rank FROM business b WHERE " + filter
                    + " ORDER BY b.name, b.id LIMIT :limit OFFSET :offset)";
        } else {
            // the rank only where it orders: computed once per candidate, not per candidate set it is in
            sql = matching(search, DirectoryApi.MAX_RESULTS + 1, params)
                    + ", page AS (SELECT b.id, b.name, " + (byName ? "0" : RANK) + " AS rank"
                    + " FROM business b WHERE b.id = ANY (" + CANDIDATES + ")"
                    + " ORDER BY " + (byName ? "b.name, b.id" : "rank DESC, b.name, b.id") + " LIMIT :limit OFFSET :offset)";
        }
        // one round trip: the count and the data version always give one row, the page's rows (if any) join it;
        // names, places and "open now" only for the page's rows
        long[] totals = {0, 0};
        List<BusinessSummary> hits = new ArrayList<>();
        jdbc.sql(sql + " SELECT t.total, t.version, s.* FROM (SELECT count(*) AS total, " + PublicDataVersion.IN_SNAPSHOT + " AS version FROM cand) t"
                        + " LEFT JOIN (" + SUMMARY_COLUMNS + ", page.id AS page_id, page.name AS page_name, page.rank AS page_rank"
                        + " FROM page JOIN business b ON b.id = page.id" + SUMMARY_JOINS + ") s ON TRUE"
                        + " ORDER BY " + (byName ? "s.page_name, s.page_id" : "s.page_rank DESC, s.page_name, s.page_id"))
                .paramSource(params)
                .query(rs -> {
                    totals[0] = rs.getLong("total");
                    totals[1] = rs.getLong("version");
                    if (rs.getString("slug") != null) {
                        hits.add(summary(rs));
                    }
                });
        long found = totals[0];
        return new SearchPage(new SearchResult(List.copyOf(hits), Math.min(found, DirectoryApi.MAX_RESULTS),
                found > DirectoryApi.MAX_RESULTS, page, DirectoryApi.PAGE_SIZE), totals[1]);
    }

    /** A page of results and the public data version ({@link PublicDataVersion}) it was read at. */
    public record SearchPage(SearchResult result, long version) {
    }

    /**
     * Every business of a search that has coordinates, by name, for the map; at most {@code limit}. The
     * same matcher as {@link #search(Search)}: the list and the map show the same businesses for a query.
     */
    public List<MapBusiness> mapped(Search search, int limit) {
        return (inMemoryFits(search) ? mappedInMemory(search, limit) : Optional.<List<MapBusiness>>empty())
                .orElseGet(() -> mappedInDatabase(search, limit));
    }

    Optional<List<MapBusiness>> mappedInMemory(Search search, int limit) {
        return match(search, Math.max(limit, DirectoryApi.MAX_RESULTS + 1)).map(match -> mappedOf(match, limit));
    }

    private List<MapBusiness> mappedOf(Match match, int limit) {
        List<Long> ids = new ArrayList<>();
        for (int i : match.candidates()) {
            if (ids.size() < limit && match.index().located(i)) {
                ids.add(match.index().ids[i]);
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MapBusiness> byId = new HashMap<>();
        jdbc.sql("SELECT b.id, b.slug, b.name, b.street, b.postal_code, b.city, b.latitude, b.longitude FROM business b"
                        + " WHERE b.id = ANY (CAST(:ids AS BIGINT[])) AND b.status = 'PUBLISHED'"
                        + " AND b.latitude IS NOT NULL AND b.longitude IS NOT NULL")
                .param("ids", idArray(ids))
                .query(rs -> {
                    byId.put(rs.getLong("id"), mapBusiness(rs));
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    List<MapBusiness> mappedInDatabase(Search search, int limit) {
        return readOnly.execute(status -> mappedBySql(search, limit));
    }

    private static MapBusiness mapBusiness(ResultSet rs) throws SQLException {
        return new MapBusiness(rs.getString("slug"), rs.getString("name"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));
    }

    private List<MapBusiness> mappedBySql(Search search, int limit) {
        MapSqlParameterSource params = params(ZonedDateTime.now(clock)).addValue("limit", limit);
        String columns = "SELECT b.slug, b.name, b.street, b.postal_code, b.city, b.latitude, b.longitude";
        String located = "b.latitude IS NOT NULL AND b.longitude IS NOT NULL";
        String sql = query(search).isEmpty()
                ? columns + " FROM business b WHERE " + String.join(" AND ", filters(search, params)) + " AND " + located
                : matching(search, Math.max(limit, DirectoryApi.MAX_RESULTS + 1), params)
                        + " " + columns + " FROM business b WHERE b.id = ANY (" + CANDIDATES + ") AND " + located;
        return jdbc.sql(sql + " ORDER BY b.name, b.id LIMIT :limit")
                .paramSource(params)
                .query((rs, i) -> mapBusiness(rs))
                .list();
    }

    /** All published businesses with one attribute (for the topic pages), by name; at most 500. */
    @Transactional(readOnly = true)
    public List<BusinessSummary> withAttribute(BusinessAttribute attribute) {
        Search search = new Search("", null, null, List.of(attribute.key()), false, "name", 0);
        MapSqlParameterSource params = params(ZonedDateTime.now(clock));
        return jdbc.sql(SUMMARY_COLUMNS + " FROM business b" + SUMMARY_JOINS
                        + " WHERE " + String.join(" AND ", filters(search, params)) + " ORDER BY b.name LIMIT 500")
                .paramSource(params)
                .query((rs, i) -> summary(rs))
                .list();
    }

    /** Published businesses as open data, by name; no owner or account data. */
    @Transactional(readOnly = true)
    public List<OpenDataBusiness> openData(int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
        String published = String.join(" AND ", filters(new Search("", null, null, List.of(), false, "name", 0), params));
        return jdbc.sql("""
                        SELECT b.slug, b.name, c.name AS category, c.name_en AS category_en, d.name AS district, d.name_en AS district_en, b.street, b.postal_code, b.city,
                               b.latitude, b.longitude, b.phone, b.email, b.website, b.accepts_voucher, b.sells_fairtrade,
                               b.wifi_hotspot, b.market_stall, b.online_shop, b.delivery, b.click_and_collect, b.example
                        FROM business b""" + SUMMARY_JOINS + " WHERE " + published + " ORDER BY b.name, b.id LIMIT :limit OFFSET :offset")
                .paramSource(params)
                .query((rs, i) -> new OpenDataBusiness(rs.getString("slug"), rs.getString("name"), rs.getString("category"),
                        rs.getString("district"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"),
                        rs.getString("email"), rs.getString("website"), rs.getBoolean("accepts_voucher"),
                        rs.getBoolean("sells_fairtrade"), rs.getBoolean("wifi_hotspot"), rs.getBoolean("market_stall"),
                        rs.getBoolean("online_shop"), rs.getBoolean("delivery"), rs.getBoolean("click_and_collect"),
                        rs.getBoolean("example")))
                .list();
    }

    @Transactional(readOnly = true)
    public long publishedCount() {
        return jdbc.sql("SELECT count(*) FROM business WHERE status = 'PUBLISHED'").query(Long.class).single();
    }

    /**
     * The matcher, as a WITH clause ending in the candidate set {@code cand (id)} of a query (each business once).
     * The query is read word by word ({@link QueryWords}): a word naming a district or a category
     * ("kirchhellen bäckerei") narrows to it; of the other words, those found exactly search by full
     * text, and only those found nowhere look for names with a typo ("Bäckrei"), so a typo never pads
     * an exact match ("Bäckerei" does not bring "Dachdeckerei"). Each candidate set is index-backed and
     * bounded by {@code bound}: names matching in full text first (own GIN index); all full text (name,
     * tags, description) unless the names already fill the bound; names with a typo (trigrams) when no
     * word was found exactly; for a single word found exactly, names containing it (compounds, trigram
     * index); everything in the named district or category when no other word is left;
     * only when all of these are empty, names similar to the whole query.
     * Sets the typo threshold and the kept (generic) plan for this transaction.
     */
    private String matching(Search search, int bound, MapSqlParameterSource params) {
        // a one-letter typo in a word of eight ("Bäckrei") scores about 0.55; the default is 0.6. The statement's
        // plan is kept (generic): its shape depends on no parameter, the words come from the CTE q at run time
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true),"
                + " set_config('plan_cache_mode', 'force_generic_plan', true)").query().listOfRows();
        params.addValue("q", QueryWords.translate(query(search), search.language()));
        String select = "SELECT b.id FROM business b WHERE "
                + String.join(" AND ", filters(search, params))
                + " AND (NOT EXISTS (SELECT FROM district_named) OR b.district_id IN (SELECT id FROM district_named))"
                + " AND (NOT EXISTS (SELECT FROM category_named) OR b.category_id IN (SELECT id FROM category_named))";
        String typoOk = " AND ((SELECT typo FROM q) IS NULL OR (SELECT typo FROM q) <% b.name_folded)";
        String cap = " LIMIT " + bound;
        return "WITH " + QueryWords.wordsCte() + ","
                // a word naming a district or a category (folded, whole word) narrows instead of searching
                + " district_named AS MATERIALIZED (SELECT id, portal_fold(name) AS w FROM district"
                + " WHERE portal_fold(name) IN (SELECT w FROM query_words)),"
                + " category_named AS MATERIALIZED (SELECT id, portal_fold(name) AS w FROM category"
                + " WHERE portal_fold(name) IN (SELECT w FROM query_words)),"
                + " rest AS MATERIALIZED (SELECT w, ord FROM query_words WHERE w NOT IN (SELECT w FROM district_named)"
                + " AND w NOT IN (SELECT w FROM category_named)),"
                + QueryWords.checked("rest", "EXISTS (SELECT FROM business x WHERE x.status = 'PUBLISHED' AND x.search_vector @@ wq)") + ","
                + " named AS (" + select + " AND b.name_vector @@ (SELECT tsq FROM q)" + typoOk + cap + "),"
                + " fulltext AS (" + select + " AND (SELECT count(*) FROM named) <= " + (bound - 1)
                + " AND b.search_vector @@ (SELECT tsq FROM q)" + typoOk + cap + "),"
                + " typo AS (" + select + " AND (SELECT tsq FROM q) IS NULL AND (SELECT typo FROM q) <% b.name_folded" + cap + "),"
                // a single word also inside compound names ("Fahrrad" in "Fahrradhaus"): literally, not by similarity
                + " compound AS (" + select + " AND b.name_folded LIKE '%' || (SELECT inside FROM q) || '%'" + cap + "),"
                // only a district or category named: everything in it
                + " narrowed AS (" + select + " AND NOT (SELECT has_terms FROM q)"
                + " AND (EXISTS (SELECT FROM district_named) OR EXISTS (SELECT FROM category_named))" + cap + "),"
                // nothing at all: the whole query against the names, as a typo (words found elsewhere and typos mixed)
                + " loose AS (" + select + " AND NOT EXISTS (SELECT FROM named) AND NOT EXISTS (SELECT FROM fulltext)"
                + " AND NOT EXISTS (SELECT FROM typo) AND NOT EXISTS (SELECT FROM narrowed) AND NOT EXISTS (SELECT FROM compound)"
                + " AND (SELECT folded FROM q) <% b.name_folded" + cap + "),"
                // the candidates' ids only: a business in several sets is ranked once, by the caller
                + " cand AS MATERIALIZED (SELECT id FROM named UNION SELECT id FROM fulltext UNION SELECT id FROM typo"
                + " UNION SELECT id FROM compound UNION SELECT id FROM narrowed UNION SELECT id FROM loose)";
    }

    /** Conditions on b besides the query: published, category, district, attributes, open now; adds the parameters. */
    private static List<String> filters(Search search, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>(List.of("b.status = 'PUBLISHED'"));
        if (search.category() != null && !search.category().isBlank()) {
            conditions.add("b.category_id = (SELECT id FROM category WHERE slug = :category)");
            params.addValue("category", search.category());
        }
        if (search.district() != null && !search.district().isBlank()) {
            conditions.add("b.district_id = (SELECT id FROM district WHERE slug = :district)");
            params.addValue("district", search.district());
        }
        for (String key : search.attributes()) {
            BusinessAttribute.byKey(key).ifPresent(attribute -> conditions.add("b." + attribute.column()));
        }
        if (search.openNow()) {
            conditions.add("(" + OPEN_NOW + ")");
        }
        return conditions;
    }

    private static String query(Search search) {
        return search.query() == null ? "" : search.query().strip();
    }

    /** The parameters of {@link #OPEN_NOW}: today, weekday and time in Bottrop. */
    static MapSqlParameterSource params(ZonedDateTime now) {
        return new MapSqlParameterSource()
                .addValue("today", now.toLocalDate())
                .addValue("dow", now.getDayOfWeek().getValue())
                .addValue("time", now.toLocalTime().withNano(0));
    }

    private static BusinessSummary summary(ResultSet rs) throws SQLException {
        return new BusinessSummary(rs.getString("slug"), rs.getString("name"),
                Localized.of(rs.getString("category"), rs.getString("category_en")), district(rs), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getBoolean("open_now"), rs.getBoolean("example"), thumbnail(rs));
    }

    /** The district in both languages, null where the business named none. */
    static Localized district(ResultSet rs) throws SQLException {
        String district = rs.getString("district");
        return district == null ? null : Localized.of(district, rs.getString("district_en"));
    }

    private static Thumbnail thumbnail(ResultSet rs) throws SQLException {
        java.sql.Array image = rs.getArray("image");
        if (image == null) {
            return null;
        }
        String[] i = (String[]) image.getArray();
        return Thumbnail.of(rs.getString("slug"), Long.parseLong(i[0]), i[1], i[2], Integer.parseInt(i[3]), Integer.parseInt(i[4]));
    }
}
