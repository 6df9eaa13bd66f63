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
import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #14 "search that understands", over the demo data: a typo match never pads an exact word, a district
 * or category named in the query narrows, English words find the German data – in the directory, its map
 * (the same matcher) and the portal-wide search.
 */
@PortalTest
class SearchUnderstandsTest {

    @Autowired
    DirectoryApi directory;

    @Autowired
    MockMvc mvc;

    @Test
    void anExactWordIsNotPaddedWithTypoMatches() throws Exception {
        assertThat(names("Bäckerei", "de")).containsExactlyInAnyOrder("Bäckerei Kamphues", "Bäckerei Tenhumberg");
        assertThat(mapped("Bäckerei")).doesNotContain("Dachdeckerei Schäfer").contains("Bäckerei Kamphues");
        // a word found nowhere still finds the names it is a typo of
        assertThat(names("Bäckrei", "de")).contains("Bäckerei Kamphues", "Bäckerei Tenhumberg");
        // one exact word and one typo: the exact word narrows, the typo picks the name
        assertThat(names("Bäckerei Kamphus", "de")).containsExactly("Bäckerei Kamphues");
        mvc.perform(get("/suche").param("q", "Bäckerei"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kamphues"), not(containsString("Dachdeckerei")))));
        // a word found exactly is still found inside compounds, literally: "Sprechtag" in "Digitalisierungssprechtag"
        mvc.perform(get("/suche").param("q", "Sprechtag")).andExpect(content().string(containsString("href=\"/sprechtag\"")));
    }

    @Test
    void aDistrictOrCategoryNamedInTheQueryNarrows() {
        assertThat(names("kirchhellen bäckerei", "de")).containsExactly("Bäckerei Tenhumberg");
        assertThat(names("Bäckerei Kirchhellen", "de")).containsExactly("Bäckerei Tenhumberg");
        assertThat(mapped("kirchhellen bäckerei")).containsExactly("Bäckerei Tenhumberg");
        // the district alone: its businesses
        assertThat(names("Kirchhellen", "de")).contains("Apotheke Kirchhellen", "Bäckerei Tenhumberg",
                "Restaurant Kirchhellener Hof").doesNotContain("Bäckerei Kamphues");
        // a category and a word: the word within the category
        assertThat(names("Gastronomie Café", "de")).contains("Café Tetraeder").doesNotContain("Bäckerei Tenhumberg");
    }

    @Test
    void englishWordsFindTheGermanData() throws Exception {
        assertThat(names("bakery", "en")).containsExactlyInAnyOrder("Bäckerei Kamphues", "Bäckerei Tenhumberg");
        assertThat(names("bicycle", "en")).contains("Fahrradhaus Prosper");
        assertThat(names("bakery kirchhellen", "en")).containsExactly("Bäckerei Tenhumberg");
        assertThat(names("gastronomy", "en")).contains("Ristorante Da Marco");
        mvc.perform(get("/en/unternehmen").param("q", "bakery"))
                .andExpect(content().string(allOf(containsString("Bäckerei Kamphues"), containsString("value=\"bakery\""))));
        mvc.perform(get("/unternehmen").param("q", "bicycle").param("lang", "en"))
                .andExpect(content().string(containsString("Fahrradhaus Prosper")));
        mvc.perform(get("/en/unternehmen/karte").param("q", "bakery"))
                .andExpect(content().string(containsString("Bäckerei Tenhumberg")));
        mvc.perform(get("/en/suche").param("q", "bakery"))
                .andExpect(content().string(containsString("Kamphues")));
    }

    private List<String> names(String query, String language) {
        return directory.search(new Search(query, null, null, List.of(), false, "relevanz", 0, language)).hits().stream()
                .map(BusinessSummary::name).toList();
    }

    private List<String> mapped(String query) {
        return directory.mapped(new Search(query, null, null, List.of(), false, "relevanz", 0), 100).stream()
                .map(MapBusiness::name).toList();
    }
}
