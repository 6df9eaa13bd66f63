package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import de.stadtportal.directory.DirectoryApi.BusinessSummary;
import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import org.junit.jupiter.api.AfterEach;
import de.stadtportal.platform.MapProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The search results on a map: a plain list first, markers from its data attributes, tiles only from the configured host. */
@PortalTest
class MapTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryApi directory;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug LIKE 'test-zapf%'");
    }

    /**
     * A page of names matching in full text leaves out names that only look alike (the typo gate); the map
     * once matched on its own and showed "Zapfhan Eck" next to the twenty taps the list found.
     */
    @Test
    void listAndMapShowTheSameBusinessesForATypoQuery() {
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status, latitude, longitude)
                SELECT 'test-zapf-' || g, 'Zapfhahn Nummer ' || g, (SELECT id FROM category WHERE slug = 'handwerk'),
                       'Teststraße ' || g, '46236', 'PUBLISHED', 51.52, 6.92
                FROM generate_series(1, 20) AS g""");
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status, latitude, longitude)
                VALUES ('test-zapfhan', 'Zapfhan Eck', (SELECT id FROM category WHERE slug = 'handwerk'),
                        'Teststraße 99', '46236', 'PUBLISHED', 51.52, 6.92)""");
        Search search = new Search("Zapfhahn", null, null, List.of(), false, "name", 0);
        List<String> listed = directory.search(search).hits().stream().map(BusinessSummary::name).toList();
        List<String> mapped = directory.mapped(search, 2000).stream().map(MapBusiness::name).toList();
        assertThat(listed).hasSize(20);
        assertThat(mapped).containsExactlyElementsOf(listed);
        // a word found exactly is not padded with similar names, in neither (issue #14)
        assertThat(mapped).doesNotContain("Zapfhan Eck");
        // a word found nowhere looks for names with a typo, in both
        Search typo = new Search("Zapfhaan", null, null, List.of(), false, "relevanz", 0);
        assertThat(directory.search(typo).hits().stream().map(BusinessSummary::name)).contains("Zapfhan Eck");
        assertThat(directory.mapped(typo, 2000).stream().map(MapBusiness::name)).contains("Zapfhan Eck");
    }

    @Test
    void mapPageListsTheFilteredBusinessesWithTheirCoordinates() throws Exception {
        mvc.perform(get("/unternehmen/karte").param("kategorie", "lebensmittel"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Unternehmen auf der Karte</h1>"),
                        containsString("Bäckerei Kamphues"),
                        not(containsString("Ristorante Da Marco")),
                        containsString("id=\"map-list\""),
                        containsString("data-lat=\"51."),
                        containsString("data-lon=\"6."),
                        containsString("data-map"),
                        containsString("data-kind=\"list\""),
                        containsString("data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\""),
                        containsString("data-attribution=\"© OpenStreetMap-Mitwirkende\""),
                        containsString("data-load-label=\"Karte laden\""),
                        containsString("href=\"/unternehmen?q=&amp;kategorie=lebensmittel"),
                        containsString("src=\"/assets/js/map"))));
        mvc.perform(get("/unternehmen/karte").param("merkmal", "wlan"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("6 Unternehmen mit Lageangabe"), containsString("Café Tetraeder"))));
        mvc.perform(get("/unternehmen/karte").param("q", "nichtsgefundenxyz"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keine Treffer.")));
    }

    @Test
    void searchPageLinksToTheMapKeepingTheFilters() throws Exception {
        mvc.perform(get("/unternehmen").param("q", "Bäckerei").param("merkmal", "gutschein"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/unternehmen/karte?q=B%C3%A4ckerei&amp;kategorie=&amp;stadtteil=&amp;merkmal=gutschein")));
    }

    @Test
    void detailPageOffersTheMapOnlyOnRequestAndKeepsTheLink() throws Exception {
        String page = mvc.perform(get("/unternehmen/baeckerei-kamphues"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("https://www.openstreetmap.org/?mlat="),
                        containsString("data-kind=\"single\""),
                        containsString("hidden"),
                        containsString("data-name=\"Bäckerei Kamphues\""))))
                .andReturn().getResponse().getContentAsString();
        // the page itself loads nothing from the tile server
        assertThat(page).doesNotContain("<img src=\"https://tile.");
        Matcher leaflet = Pattern.compile("data-leaflet-js=\"([^\"]+)\"").matcher(page);
        assertThat(leaflet.find()).isTrue();
        mvc.perform(get(leaflet.group(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        Matcher cluster = Pattern.compile("data-cluster-js=\"([^\"]+)\"").matcher(page);
        assertThat(cluster.find()).isTrue();
        mvc.perform(get(cluster.group(1))).andExpect(status().isOk());
    }

    @Test
    void webjarAssetsAreServedWithALongCache() throws Exception {
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        mvc.perform(get("/webjars/leaflet/dist/leaflet.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/map.js")).andExpect(status().isOk());
    }

    @Test
    void contentSecurityPolicyAllowsImagesFromTheTileHostOnly() throws Exception {
        mvc.perform(get("/unternehmen/karte"))
                .andExpect(header().string("Content-Security-Policy", allOf(
                        containsString("img-src 'self' data: https://tile.openstreetmap.org;"),
                        containsString("script-src 'self';"))));
    }

    @Test
    void tileOriginIsDerivedFromTheConfiguredUrl() {
        assertThat(new MapProperties("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "x").tileOrigin())
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(new MapProperties("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", "x").tileOrigin())
                .isEqualTo("https://*.tile.example.org:8443");
        assertThatThrownBy(() -> new MapProperties("http://tiles.example.org/{z}/{x}/{y}.png", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MapProperties("https://a.example; script-src *", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
