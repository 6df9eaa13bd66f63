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
    void filtersByCategoryDistrictAndAttributes() {
        assertThat(directory.search(new Search("", "handwerk", null, List.of(), false, "name", 0)).hits())
                .extracting(BusinessSummary::category).containsOnly("Handwerk");
        assertThat(directory.search(new Search("", null, "kirchhellen", List.of(), false, "name", 0)).hits())
                .extracting(BusinessSummary::district).containsOnly("Kirchhellen");
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
