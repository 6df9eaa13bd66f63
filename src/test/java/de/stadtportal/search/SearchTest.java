package de.stadtportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class SearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchApi search;

    @AfterEach
    void removeTestData() {
        if (jdbc.update("DELETE FROM business WHERE slug LIKE 'test-suche-%'") > 0) {
            search.refresh();
        }
    }

    /** Each kind by a word, by a misspelling and with umlauts written another way: the hit links to its page. */
    @ParameterizedTest(name = "{0} finds {2}")
    @CsvSource({
            "Kamphues, business, /unternehmen/baeckerei-kamphues",
            "Kamphus, business, /unternehmen/baeckerei-kamphues",
            "Baeckerei Kamphues, business, /unternehmen/baeckerei-kamphues",
            "Handwerker-Frühstück, event, /veranstaltungen/handwerker-fruehstueck",
            "Handwerkerfrustuck, event, /veranstaltungen/handwerker-fruehstueck",
            "Handwerker Fruehstueck, event, /veranstaltungen/handwerker-fruehstueck",
            "HalloBot, reallabor, /reallabore/hybride-formen-des-handels#measure-2",
            "Halobot Onlineplatform, reallabor, /reallabore/hybride-formen-des-handels#measure-2",
            "Fachkräftesicherung, reallabor, /reallabore/fachkraeftesicherung",
            "Fachkraeftesicherung, reallabor, /reallabore/fachkraeftesicherung",
            "Sprechtag, craft, /sprechtag",
            "Digitalisierungssprechtak, craft, /sprechtag",
            "Ombudsstelle, page, /barrierefreiheit",
            "Datenschutzbeauftragte, page, /datenschutz",
            "Gebärden-Sprache, page, /leichte-sprache"})
    void findsEveryKindByWordTypoAndFoldedUmlauts(String query, String kind, String url) throws Exception {
        String page = mvc.perform(get("/suche").param("q", query).param("art", kind))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"" + url + "\"");
    }

    /** Fairtrade members and offers for refugees join the search through their own modules, in both languages. */
    @Test
    void findsFairtradeMembersAndOffersForRefugees() throws Exception {
        long member = jdbc.queryForObject("SELECT id FROM fairtrade_member WHERE name LIKE 'Gesamtschule Am Fuhlenbrock%'", Long.class);
        mvc.perform(get("/suche").param("q", "Fuhlenbrock Pausenkiosk").param("art", "fairtrade"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("href=\"/fairtrade#member-" + member + "\""));
        long offer = jdbc.queryForObject("SELECT id FROM skilled_offer WHERE title LIKE 'Anlagenmechaniker%' AND status = 'PUBLISHED'",
                Long.class);
        mvc.perform(get("/suche").param("q", "Anlagenmechaniker").param("art", "offer"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("href=\"/fachkraefte/angebote/" + offer + "\""));
        // an offer that is no longer published leaves the search
        jdbc.update("UPDATE skilled_offer SET status = 'EXPIRED' WHERE id = ?", offer);
        try {
            search.refresh();
            mvc.perform(get("/suche").param("q", "Anlagenmechaniker").param("art", "offer"))
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                            .doesNotContain("href=\"/fachkraefte/angebote/" + offer + "\""));
        } finally {
            jdbc.update("UPDATE skilled_offer SET status = 'PUBLISHED' WHERE id = ?", offer);
            search.refresh();
        }
    }

    @Test
    void resultsAreGroupedByKindWithCountsAndFilterLinks() throws Exception {
        String page = mvc.perform(get("/suche").param("q", "Handwerk")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<h2 id=\"group-event\">Veranstaltungen \\(\\d+\\)</h2>")
                .containsPattern("<h2 id=\"group-craft\">Handwerk und Digitalisierungssprechtag \\(\\d+\\)</h2>")
                .contains("href=\"/suche?q=Handwerk&amp;art=event\"")
                .contains("<mark>Handwerk</mark>");
    }

    @Test
    void aScriptInAQueryOrARecordNeverReachesThePageUnescaped() throws Exception {
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status, description)
                VALUES ('test-suche-skript', 'Zechenmarkt <script>alert(1)</script>',
                        (SELECT id FROM category WHERE slug = 'dienstleistung'), 'Teststraße 1', '46236', 'PUBLISHED',
                        'Ein <img src=x onerror=alert(2)> Zechenmarkt')""");
        search.refresh();
        String page = mvc.perform(get("/suche").param("q", "Zechenmarkt <script>alert(3)</script>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/unternehmen/test-suche-skript\"")
                .contains("<mark>Zechenmarkt</mark> &lt;<mark>script</mark>&gt;")
                .doesNotContain("<script>alert", "<img src=x", "<mark>Zechenmarkt</mark> <");
    }

    @Test
    void aBusinessLeavesTheSearchWhenItIsNoLongerPublished() throws Exception {
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES ('test-suche-archiv', 'Kokereibedarf Welheim', (SELECT id FROM category WHERE slug = 'dienstleistung'),
                        'Teststraße 1', '46236', 'PUBLISHED')""");
        search.refresh();
        assertThat(body("Kokereibedarf")).contains("/unternehmen/test-suche-archiv");
        jdbc.update("UPDATE business SET status = 'ARCHIVED' WHERE slug = 'test-suche-archiv'");
        search.refresh();
        assertThat(body("Kokereibedarf")).doesNotContain("/unternehmen/test-suche-archiv").contains("wurde nichts gefunden");
    }

    @Test
    void badInputNeverFailsTheServer() throws Exception {
        for (String query : new String[] {"", "   ", "a".repeat(5000), "\"'&%_\\", "!!! ||| :*"}) {
            mvc.perform(get("/suche").param("q", query)).andExpect(status().isOk());
        }
        // NUL is refused at the edge (EdgeInputFilter) with the 400 page, before the search sees it
        for (String query : new String[] {"Bäckerei\u0000\u0000", "\u0000"}) {
            mvc.perform(get("/suche").param("q", query)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/suche").param("q", "Bäckerei").param("art", "gibt-es-nicht\u0000")).andExpect(status().isBadRequest());
        mvc.perform(get("/suche").param("q", "Bäckerei").param("art", "business").param("seite", "99999999"))
                .andExpect(status().isOk());
        mvc.perform(get("/suche").param("q", "Bäckerei").param("seite", "keine-zahl")).andExpect(status().isBadRequest());
    }

    @Test
    void englishVisitorsFindTheEnglishPageTexts() throws Exception {
        String page = mvc.perform(get("/en/suche").param("q", "ombuds office"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the hit leads to the English address of the page
        assertThat(page).contains("href=\"/en/leichte-sprache\"").contains("Portal pages");
    }

    private String body(String query) throws Exception {
        return mvc.perform(get("/suche").param("q", query)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
