package de.stadtportal.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.stadtportal.PortalTest;
import de.stadtportal.directory.DirectoryApi.BusinessSummary;
import de.stadtportal.directory.DirectoryApi.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The in-memory matcher ({@link BusinessIndex}) answers every search as the SQL matcher does: the same
 * businesses in the same order, the same count, over the demo data plus generated businesses with
 * common names, typos, compounds, districts, categories, attributes and coordinates.
 */
@PortalTest
class BusinessIndexTest {

    private static final String[] TRADES = {"Bäckerei", "Metzgerei", "Friseur", "Café", "Elektro", "Tischlerei", "Blumen",
            "Optik", "Apotheke", "Kiosk", "Fahrradhaus", "Fußpflege", "Schlüsseldienst", "Backstube"};
    private static final String[] NAMES = {"Schmidt", "Müller", "Schulte", "Wessels", "Kamp", "Yilmaz", "Becker",
            "Hoffmann", "Brinkhoff", "Tenbrink", "Große-Wilde", "Öztürk"};
    private static final String[] WORDS = {"Brot", "Brötchen", "Torten", "Wurst", "Haarschnitt", "Strom", "Möbel",
            "Sträuße", "Brillen", "Zeitungen", "Reparatur", "Fairtrade", "Kaffee", "Lieferung", "Bottrop", "Zeche"};

    @Autowired
    BusinessSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void generateBusinesses() {
        Random random = new Random(42);
        List<Long> categories = jdbc.queryForList("SELECT id FROM category ORDER BY id", Long.class);
        List<Long> districts = jdbc.queryForList("SELECT id FROM district ORDER BY id", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < 600; g++) {
            String name = TRADES[random.nextInt(TRADES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + (g % 3 == 0 ? " " + g : "");
            StringBuilder description = new StringBuilder();
            for (int w = 0; w < 5 + random.nextInt(60); w++) {
                description.append(WORDS[random.nextInt(WORDS.length)]).append(w % 7 == 6 ? ". " : " ");
            }
            boolean located = random.nextInt(3) > 0;
            rows.add(new Object[] {"gleich-" + g, name, categories.get(random.nextInt(categories.size())),
                    g % 5 == 0 ? null : districts.get(random.nextInt(districts.size())), description.toString(),
                    WORDS[random.nextInt(WORDS.length)] + ", " + WORDS[random.nextInt(WORDS.length)],
                    located ? 51.5 + random.nextInt(100) / 1000.0 : null, located ? 6.9 + random.nextInt(100) / 1000.0 : null,
                    random.nextBoolean(), random.nextInt(4) == 0, g % 17 == 0 ? "DRAFT" : "PUBLISHED"});
        }
        jdbc.batchUpdate("INSERT INTO business (slug, name, category_id, district_id, description, tags, latitude, longitude,"
                + " accepts_voucher, sells_fairtrade, street, postal_code, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Teststraße 1', '46236', ?)", rows);
        // "open now" in every way the list tells it: open all week, closed today by an exception, open only by
        // today's exception, today's exception already over, an exception tomorrow that does not count today
        LocalDate today = LocalDate.now(clock);
        jdbc.update("INSERT INTO opening_hours (business_id, day_of_week, opens, closes) SELECT b.id, d, '00:00', '23:59:59'"
                + " FROM business b, generate_series(1, 7) d WHERE b.slug LIKE 'gleich-%' AND substring(b.slug, 8)::int % 4 = 0");
        jdbc.update("INSERT INTO opening_exception (business_id, day) SELECT id, ? FROM business"
                + " WHERE slug LIKE 'gleich-%' AND substring(slug, 8)::int % 8 = 0", today);
        jdbc.update("INSERT INTO opening_exception (business_id, day, opens, closes) SELECT id, ?, '00:00', '23:59:59' FROM business"
                + " WHERE slug LIKE 'gleich-%' AND substring(slug, 8)::int % 12 = 1", today);
        jdbc.update("INSERT INTO opening_exception (business_id, day, opens, closes) SELECT id, ?, '00:00', '00:00:01' FROM business"
                + " WHERE slug LIKE 'gleich-%' AND substring(slug, 8)::int % 12 = 5", today);
        jdbc.update("INSERT INTO opening_exception (business_id, day) SELECT id, ? FROM business"
                + " WHERE slug LIKE 'gleich-%' AND substring(slug, 8)::int % 12 = 4", today.plusDays(1));
    }

    @AfterEach
    void removeThem() {
        jdbc.update("DELETE FROM business WHERE slug LIKE 'gleich-%'");
    }

    @Test
    void everySearchFindsWhatTheDatabaseFinds() {
        List<String> queries = List.of("Bäckerei", "Baeckerei", "Backerei", "Bäckrei", "Bäckereien", "Metzgrei", "Tischlrei",
                "Apoteke", "Frisör", "Bäckerei Schmidt", "Optik Yilmaz", "Kiosk Tenbrink", "Blumen Müller", "Fahrrad",
                "Fusspflege", "Fußpflege", "Schlüssel", "Back", "Brot", "Brötchen Torten", "Kaffee Fairtrade", "Bottrop",
                "Gastronomie", "Kirchhellen", "kirchhellen bäckerei", "Bäckerei Kamphus", "Zechenlicht", "Strasse", "Große",
                "Wilde", "Öztürk", "Ozturk", "12", "303", "Schmidt 12", "und", "der die das", "xyzzy", "ä", "Café Tetraeder",
                "Handwerk", "Lebensmittel", "bakery", "Hoffman", "Brinkhof", "Tenbrinck", "!!!", "B", "Bä ck er ei");
        for (String query : queries) {
            for (String sort : List.of("relevanz", "name")) {
                compare(new Search(query, null, null, List.of(), false, sort, 0));
            }
            compare(new Search(query, null, null, List.of(), false, "relevanz", 1));
            compare(new Search(query, null, null, List.of(), false, "relevanz", 0, "en"));
            compare(new Search(query, "lebensmittel", null, List.of("gutschein"), false, "relevanz", 0));
            compare(new Search(query, null, "kirchhellen", List.of("fairtrade"), false, "name", 0));
            compare(new Search(query, "gibt-es-nicht", null, List.of(), false, "relevanz", 0));
            Search mapped = new Search(query, null, null, List.of(), false, "name", 0);
            assertThat(search.mappedInMemory(mapped, 50).orElseThrow()).as(query).containsExactlyElementsOf(search.mappedInDatabase(mapped, 50));
        }
    }

    @Test
    void aChangeIsFoundByTheNextSearch() {
        assertThat(names(search.page(new Search("Zauberwürfel", null, null, List.of(), false, "relevanz", 0)))).isEmpty();
        jdbc.update("UPDATE business SET name = 'Zauberwürfel Schmidt' WHERE slug = 'gleich-1'");
        assertThat(names(search.page(new Search("Zauberwürfel", null, null, List.of(), false, "relevanz", 0))))
                .containsExactly("gleich-1");
        jdbc.update("UPDATE business SET status = 'DRAFT' WHERE slug = 'gleich-1'");
        assertThat(names(search.page(new Search("Zauberwürfel", null, null, List.of(), false, "relevanz", 0)))).isEmpty();
    }

    @Test
    void aChangedOpeningShowsInTheNextSearch() {
        Search bakeries = new Search("Bäckerei", null, null, List.of(), false, "name", 0);
        // a generated business of the list, its row now kept with the results; today's exception turns its status
        List<BusinessSummary> before = search.page(bakeries).result().hits();
        BusinessSummary first = before.stream().filter(hit -> hit.slug().startsWith("gleich-")).findFirst().orElseThrow();
        jdbc.update("DELETE FROM opening_exception WHERE business_id = (SELECT id FROM business WHERE slug = ?)", first.slug());
        jdbc.update("INSERT INTO opening_exception (business_id, day, opens, closes) SELECT id, ?, '00:00', ?::time FROM business"
                + " WHERE slug = ?", LocalDate.now(clock), first.openNow() ? "00:00:01" : "23:59:59", first.slug());
        assertThat(search.page(bakeries).result().hits().get(before.indexOf(first)))
                .isEqualTo(new BusinessSummary(first.slug(), first.name(), first.category(), first.district(), first.street(),
                        first.postalCode(), first.city(), !first.openNow(), first.example(), first.thumbnail()));
    }

    private void compare(Search query) {
        BusinessSearch.SearchPage inMemory = search.pageInMemory(query).orElseThrow();
        BusinessSearch.SearchPage inDatabase = search.pageInDatabase(query);
        assertThat(names(inMemory)).as(query.toString()).containsExactlyElementsOf(names(inDatabase));
        // and every result as the list shows it: category, district, address, image, "open now"
        assertThat(inMemory.result().hits()).as(query.toString()).containsExactlyElementsOf(inDatabase.result().hits());
        assertThat(inMemory.result().total()).as(query.toString()).isEqualTo(inDatabase.result().total());
        assertThat(inMemory.result().capped()).as(query.toString()).isEqualTo(inDatabase.result().capped());
        assertThat(inMemory.version()).isEqualTo(inDatabase.version());
    }

    private static List<String> names(BusinessSearch.SearchPage page) {
        return page.result().hits().stream().map(BusinessSummary::slug).toList();
    }
}
