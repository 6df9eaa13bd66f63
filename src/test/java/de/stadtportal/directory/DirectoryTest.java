package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import de.stadtportal.PortalTest;
import de.stadtportal.directory.DirectoryApi.BusinessSummary;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.DirectoryApi.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Search and detail pages over the demo data of the embedded database (60 fictional businesses). */
@PortalTest
class DirectoryTest {

    @Autowired
    DirectoryApi directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug LIKE 'test-%'");
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
            "Bäckereien, Bäckerei Kamphues",
            "Baeckerei, Bäckerei Kamphues",
            "Backerei, Bäckerei Tenhumberg",
            "Bäckrei, Bäckerei Kamphues",
            "Fusspflege, Kosmetikstudio Schönzeit",
            "Schloesser, Schlüsseldienst Sicher",
            "Fahrrad, Fahrradhaus Prosper",
            "Gastronomie, Ristorante Da Marco"})
    void germanSearchFoldsUmlautsStemsAndToleratesTypos(String query, String expected) {
        assertThat(names(new Search(query, null, null, List.of(), false, "relevanz", 0))).contains(expected);
    }

    @Test
    void nameMatchesRankBeforeTagsAndTagsBeforeDescription() {
        long inDescription = insert("test-beschreibung");
        long inTags = insert("test-schlagwort");
        insert("test-zechenlicht");
        jdbc.update("UPDATE business SET description = 'Wir verkaufen Zechenlicht und mehr' WHERE id = ?", inDescription);
        jdbc.update("UPDATE business SET tags = 'Zechenlicht' WHERE id = ?", inTags);
        assertThat(names(new Search("Zechenlicht", null, null, List.of(), false, "relevanz", 0))).containsExactly(
                "Testbetrieb test-zechenlicht", "Testbetrieb test-schlagwort", "Testbetrieb test-beschreibung");
    }

    @Test
    void moreThanAThousandMatchesAreCountedAsMoreAndPagesEndThere() throws Exception {
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                SELECT 'test-kohle-' || g, 'Kohlenhandel Nummer ' || g, (SELECT id FROM category WHERE slug = 'handwerk'),
                       'Teststraße ' || g, '46236', 'PUBLISHED'
                FROM generate_series(1, 1005) AS g""");
        SearchResult first = directory.search(new Search("Kohlenhandel", null, null, List.of(), false, "relevanz", 0));
        assertThat(first.capped()).isTrue();
        assertThat(first.total()).isEqualTo(DirectoryApi.MAX_RESULTS);
        assertThat(first.hits()).hasSize(DirectoryApi.PAGE_SIZE);
        assertThat(first.pages()).isEqualTo(DirectoryApi.MAX_RESULTS / DirectoryApi.PAGE_SIZE);
        SearchResult last = directory.search(new Search("Kohlenhandel", null, null, List.of(), false, "name", first.pages() - 1));
        assertThat(last.hits()).hasSize(DirectoryApi.PAGE_SIZE);
        assertThat(last.hasNext()).isFalse();
        SearchResult beyond = directory.search(new Search("Kohlenhandel", null, null, List.of(), false, "relevanz", first.pages()));
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.capped()).isTrue();
        // without a query the count stops at the cap too
        assertThat(directory.search(new Search("", "handwerk", null, List.of(), false, "name", 0)).capped()).isTrue();
        // up to the cap the count is exact
        jdbc.update("DELETE FROM business WHERE slug LIKE 'test-kohle-100_'");
        SearchResult below = directory.search(new Search("Kohlenhandel", null, null, List.of(), false, "relevanz", 0));
        assertThat(below.capped()).isFalse();
        assertThat(below.total()).isEqualTo(999);
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                SELECT 'test-kohle-' || g, 'Kohlenhandel Nummer ' || g, (SELECT id FROM category WHERE slug = 'handwerk'),
                       'Teststraße ' || g, '46236', 'PUBLISHED'
                FROM generate_series(1000, 1005) AS g""");
        mvc.perform(get("/unternehmen").param("q", "Kohlenhandel"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mehr als 1.000 Unternehmen gefunden"),
                        containsString("Seite 1 von 50"))));
        mvc.perform(get("/unternehmen").param("q", "Kohlenhandel").param("lang", "en"))
                .andExpect(content().string(containsString("More than 1,000 businesses found")));
    }

    @Test
    void aRepeatedSearchSeesEveryChangeAtOnce() {
        Search search = new Search("Grubenlampe", null, null, List.of(), false, "relevanz", 0);
        assertThat(names(search)).isEmpty();
        long id = insert("test-grubenlampe");
        jdbc.update("UPDATE business SET name = 'Grubenlampe Hanke' WHERE id = ?", id);
        assertThat(names(search)).containsExactly("Grubenlampe Hanke");
        jdbc.update("UPDATE business SET status = 'ARCHIVED' WHERE id = ?", id);
        assertThat(names(search)).isEmpty();
    }

    @Test
    void typosAreFoundWhenFullTextFindsFewNames() {
        // full text finds no name "Zechenbäckerei", trigrams find the name with a typo
        insert("test-zechenbaeckerei");
        jdbc.update("UPDATE business SET name = 'Zechenbäckerei Lohmann' WHERE slug = 'test-zechenbaeckerei'");
        assertThat(names(new Search("Zechenbäckrei", null, null, List.of(), false, "relevanz", 0)))
                .contains("Zechenbäckerei Lohmann");
        // an exact name match ranks before a similar name
        assertThat(names(new Search("Bäckerei", null, null, List.of(), false, "relevanz", 0)).get(0)).startsWith("Bäckerei");
    }

    @Test
    void filtersByCategoryDistrictAndAttributes() {
        assertThat(directory.search(new Search("", "handwerk", null, List.of(), false, "name", 0)).hits())
                .extracting(hit -> hit.category().de()).containsOnly("Handwerk");
        assertThat(directory.search(new Search("", null, "kirchhellen", List.of(), false, "name", 0)).hits())
                .extracting(hit -> hit.district().de()).containsOnly("Kirchhellen");
        assertThat(directory.search(new Search("", null, null, List.of("wlan"), false, "name", 0)).total()).isEqualTo(6);
        assertThat(directory.search(new Search("", null, null, List.of("wochenmarkt", "fairtrade"), false, "name", 0)).hits())
                .extracting(BusinessSummary::name).doesNotContain("Bäckerei Kamphues");
        assertThat(directory.search(new Search("", null, null, List.of("; DROP TABLE business"), false, "name", 0)).total())
                .isEqualTo(directory.search(new Search("", null, null, List.of(), false, "name", 0)).total());
    }

    @Test
    void openNowHonoursWeeklyHoursAndDatedExceptions() {
        long open = insert("test-immer-offen");
        long closedToday = insert("test-heute-zu");
        for (long id : List.of(open, closedToday)) {
            for (int day = 1; day <= 7; day++) {
                jdbc.update("INSERT INTO opening_hours (business_id, day_of_week, opens, closes) VALUES (?, ?, '00:00', '23:59:59')", id, day);
            }
        }
        jdbc.update("INSERT INTO opening_exception (business_id, day, note) VALUES (?, (now() AT TIME ZONE 'Europe/Berlin')::date, 'Betriebsferien')", closedToday);
        List<String> names = names(new Search("Testbetrieb", null, null, List.of(), true, "name", 0));
        assertThat(names).contains("Testbetrieb test-immer-offen").doesNotContain("Testbetrieb test-heute-zu");
    }

    @Test
    void onlyPublishedBusinessesAreFoundOrShown() throws Exception {
        long id = insert("test-entwurf");
        jdbc.update("UPDATE business SET status = 'PENDING' WHERE id = ?", id);
        assertThat(names(new Search("Testbetrieb", null, null, List.of(), false, "name", 0)))
                .doesNotContain("Testbetrieb test-entwurf");
        mvc.perform(get("/unternehmen/test-entwurf")).andExpect(status().isNotFound());
    }

    @Test
    void searchPageKeepsFiltersInTheUrlAndEscapesInput() throws Exception {
        mvc.perform(get("/unternehmen").param("q", "<script>alert(1)</script>").param("merkmal", "gutschein"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""),
                        not(containsString("<script>alert")),
                        containsString("value=\"gutschein\" checked"))));
        mvc.perform(get("/unternehmen").param("q", "x".repeat(5000))).andExpect(status().isOk());
        mvc.perform(get("/unternehmen").param("seite", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/unternehmen").param("kategorie", "lebensmittel").param("seite", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bäckerei Kamphues")));
    }

    @Test
    void everyFilterOfTheAddressReachesTheSearchAndTheForm() throws Exception {
        mvc.perform(get("/unternehmen").param("q", "Bäckerei").param("kategorie", "lebensmittel")
                        .param("stadtteil", "kirchhellen").param("merkmal", "gutschein").param("merkmal", "wlan")
                        .param("geoeffnet", "on").param("sortierung", "name").param("seite", " 0 "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"Bäckerei\""),
                        containsString("value=\"lebensmittel\" selected"),
                        containsString("value=\"kirchhellen\" selected"),
                        containsString("value=\"name\" selected"),
                        containsString("value=\"gutschein\" checked"),
                        containsString("value=\"wlan\" checked"),
                        containsString("name=\"geoeffnet\" value=\"true\" checked"))));
        // the open-now box unchecked, a later page, an empty page number: as if not given
        mvc.perform(get("/unternehmen").param("kategorie", "lebensmittel").param("geoeffnet", "false").param("seite", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bäckerei Kamphues"),
                        not(containsString("name=\"geoeffnet\" value=\"true\" checked")))));
        mvc.perform(get("/unternehmen/karte").param("merkmal", "wlan").param("seite", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/unternehmen").param("geoeffnet", "vielleicht")).andExpect(status().isBadRequest());
        mvc.perform(get("/unternehmen").param("seite", "99999999999")).andExpect(status().isBadRequest());
    }

    @Test
    void detailPageShowsContactHoursWithTodayAndJsonLd() throws Exception {
        mvc.perform(get("/unternehmen/baeckerei-kamphues"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Bäckerei Kamphues</h1>"),
                        containsString("Beispieleintrag"),
                        containsString("<address>"),
                        containsString("class=\"today\""),
                        containsString("\"@type\":\"LocalBusiness\""),
                        containsString("\"openingHoursSpecification\""),
                        containsString("https://schema.org/Monday"),
                        containsString("\"postalCode\":\"46236\""))));
        mvc.perform(get("/unternehmen/gibt-es-nicht")).andExpect(status().isNotFound());
    }

    @Test
    void topicPagesListTheBusinessesWithThatAttribute() throws Exception {
        mvc.perform(get("/wlan")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("WLAN-Hotspots (6)"), containsString("Café Tetraeder"))));
        mvc.perform(get("/wochenmarkt")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Käserei Wochenmarkt Terhorst"), not(containsString("Elektro Borgmann")))));
        mvc.perform(get("/gutschein")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hier wird der Gutschein angenommen")));
    }

    @Test
    void demoDataHoldsSixtyFictionalBusinessesMarkedAsExamples() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE example", Integer.class)).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE example AND description NOT LIKE '%Beispieleintrag%'",
                Integer.class)).isZero();
    }

    @Test
    void theSearchPageKeptForVisitorsShowsEveryChangeAtOnceAndNothingPersonal() throws Exception {
        String query = "Zechenkeks";
        mvc.perform(get("/unternehmen").param("q", query)).andExpect(content().string(containsString("Keine Treffer")));
        mvc.perform(get("/unternehmen").param("q", query)).andExpect(content().string(containsString("Keine Treffer")));
        // a new listing is found with the very next request, not when a kept page expires
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES ('test-zechenkeks', 'Zechenkeks Manufaktur', (SELECT id FROM category WHERE slug = 'lebensmittel'),
                        'Teststraße 1', '46236', 'PUBLISHED')""");
        mvc.perform(get("/unternehmen").param("q", query))
                .andExpect(content().string(allOf(containsString("Zechenkeks Manufaktur"), not(containsString("Keine Treffer")))));
        // the language is part of what is kept: German and English pages never mix
        mvc.perform(get("/en/unternehmen").param("q", query))
                .andExpect(content().string(containsString("businesses found")));
        mvc.perform(get("/unternehmen").param("q", query)).andExpect(content().string(containsString("Unternehmen gefunden")));
        // a logged-in visitor gets the page rendered for them
        mvc.perform(get("/unternehmen").param("q", query)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("keks@test.example").roles("BUSINESS")))
                .andExpect(content().string(allOf(containsString("/konto/abmelden"), containsString("name=\"_csrf\""))));
        mvc.perform(get("/unternehmen").param("q", query))
                .andExpect(content().string(allOf(not(containsString("/konto/abmelden")), not(containsString("_csrf")))));
    }

    private long insert(String slug) {
        return jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, ?, (SELECT id FROM category WHERE slug = 'dienstleistung'), 'Teststraße 1', '46236', 'PUBLISHED')
                RETURNING id""", Long.class, slug, "Testbetrieb " + slug);
    }

    private List<String> names(Search search) {
        return directory.search(search).hits().stream().map(BusinessSummary::name).toList();
    }
}
