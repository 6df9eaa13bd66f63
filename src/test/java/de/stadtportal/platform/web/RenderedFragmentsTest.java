package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Parts rendered once and kept (the anonymous header and footer, a result's card) still show what each page
 * shows: its own language switch, its section, the reader's links, a business as it is now.
 */
@PortalTest
class RenderedFragmentsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restoreName() {
        jdbc.update("UPDATE business SET name = 'Bäckerei Kamphues' WHERE slug = 'baeckerei-kamphues'");
    }

    @Test
    void everyPageOfASectionKeepsItsOwnLanguageSwitchAndMarksItsSection() throws Exception {
        String detail = page("/unternehmen/baeckerei-kamphues");
        assertThat(header(detail)).contains("href=\"/en/unternehmen/baeckerei-kamphues\"")
                .contains("<a href=\"/unternehmen\" aria-current=\"page\">Unternehmen</a>")
                .contains("<a href=\"/konto/anmelden\">Anmelden</a>")
                .doesNotContain("aria-current=\"page\">Start</a>");
        // the same section's kept header, with this page's address
        String map = page("/unternehmen/karte");
        assertThat(header(map)).contains("href=\"/en/unternehmen/karte\"").doesNotContain("baeckerei-kamphues")
                .contains("<a href=\"/unternehmen\" aria-current=\"page\">Unternehmen</a>");
        assertThat(header(page("/unternehmen"))).contains("href=\"/en/unternehmen\"")
                .contains("<a href=\"/unternehmen\" aria-current=\"page\">Unternehmen</a>");

        String imprint = page("/impressum");
        assertThat(header(imprint)).doesNotContain("aria-current").contains("href=\"/en/impressum\"");
        assertThat(footer(imprint)).contains("<a href=\"/impressum\" aria-current=\"page\">Impressum</a>")
                .contains("<a href=\"/datenschutz\">Datenschutz</a>");
        assertThat(footer(page("/datenschutz"))).contains("<a href=\"/impressum\">Impressum</a>")
                .contains("<a href=\"/datenschutz\" aria-current=\"page\">Datenschutz</a>");
        assertThat(header(page("/leichte-sprache"))).contains("<a href=\"/leichte-sprache\" lang=\"de\" aria-current=\"page\">");
        assertThat(header(page("/"))).contains("aria-current=\"page\">Start</a>").doesNotContain("aria-current=\"page\">Unternehmen");

        String english = page("/en/unternehmen/baeckerei-kamphues");
        assertThat(header(english)).contains("href=\"/unternehmen/baeckerei-kamphues\"").contains("hreflang=\"de\">Deutsch</a>")
                .contains("href=\"/en/unternehmen\" aria-current=\"page\"").doesNotContain(">English</a>");
        assertThat(footer(english)).contains("href=\"/en/impressum\"");
    }

    @Test
    void aLoggedInReaderGetsTheirOwnHeaderAfterAnonymousVisitors() throws Exception {
        page("/unternehmen");
        String own = mvc.perform(get("/unternehmen").with(user("inhaber@example.org").roles("BUSINESS")))
                .andReturn().getResponse().getContentAsString();
        assertThat(header(own)).contains("Mein Konto").contains("Abmelden").doesNotContain("Anmelden</a>");
        assertThat(header(page("/unternehmen"))).contains("Anmelden</a>").doesNotContain("Mein Konto");
    }

    @Test
    void aResultsCardShowsTheBusinessAsItIsNowInThePagesLanguage() throws Exception {
        assertThat(page("/unternehmen?q=Kamphues")).contains("<a href=\"/unternehmen/baeckerei-kamphues\">Bäckerei Kamphues</a>");
        assertThat(page("/en/unternehmen?q=Kamphues")).contains("<a href=\"/en/unternehmen/baeckerei-kamphues\">Bäckerei Kamphues</a>");

        jdbc.update("UPDATE business SET name = 'Bäckerei Kamphues & Söhne <Zeche>' WHERE slug = 'baeckerei-kamphues'");
        String renamed = page("/unternehmen?q=Kamphues");
        assertThat(renamed).contains(">Bäckerei Kamphues &amp; Söhne &lt;Zeche&gt;</a>").doesNotContain(">Bäckerei Kamphues</a>");
    }

    @Test
    void theKeptFiltersShowEachSearchsOwnChoices() throws Exception {
        String chosen = page("/unternehmen?q=Brot&kategorie=lebensmittel&merkmal=gutschein&merkmal=wlan&sortierung=name");
        assertThat(chosen).contains("<option value=\"lebensmittel\" selected=\"selected\">")
                .contains("value=\"gutschein\" checked").contains("value=\"wlan\" checked")
                .doesNotContain("value=\"fairtrade\" checked")
                .contains("<option value=\"name\" selected=\"selected\">")
                .contains("value=\"Brot\"");
        String other = page("/unternehmen?q=Kohle&merkmal=fairtrade");
        assertThat(other).doesNotContain("selected=\"selected\"").doesNotContain("value=\"gutschein\" checked")
                .contains("value=\"fairtrade\" checked").contains("value=\"Kohle\"").doesNotContain("Brot");
        assertThat(page("/en/unternehmen?kategorie=lebensmittel")).contains("<option value=\"lebensmittel\" selected=\"selected\">")
                .doesNotContain("alle Branchen");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }

    private static String footer(String page) {
        return page.substring(page.indexOf("<footer"), page.indexOf("</footer>"));
    }
}
