package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import de.stadtportal.account.TestAccounts;
import java.util.UUID;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** What the portal writes for other programs stays data: CSV cells are no formulas, JSON-LD no markup. */
@PortalTest
class OutputEscapingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String slug;

    @BeforeEach
    void listingWithHostileTexts() {
        slug = "escape-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO business (slug, name, category_id, street, postal_code, phone, tags, description, status) "
                + "VALUES (?, ?, (SELECT min(id) FROM category), ?, '46236', ?, ?, ?, 'PUBLISHED')",
                slug, "=HYPERLINK(\"https://evil.example\") <!--<script> & </script> \u2028 " + slug, "@SUM(A1)", "+49 2041 1", "-2+3",
                "Beschreibung mit \u2028 Zeilentrenner & </script>");
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
    }

    @Test
    void exportsNeutraliseCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        String open = mvc.perform(get("/api/v1/unternehmen.csv").param("groesse", "1000")).andReturn().getResponse()
                .getContentAsString();
        String staff = mvc.perform(get("/admin/unternehmen/export.csv").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andReturn().getResponse().getContentAsString();
        for (String csv : new String[] {open, staff}) {
            assertThat(csv).contains("'=HYPERLINK(", "'@SUM(A1)", "'+49 2041 1").doesNotContain(",=HYPERLINK", ";=HYPERLINK",
                    ",@SUM", ";@SUM");
        }
        assertThat(staff).contains("'-2+3");
    }

    @Test
    void jsonLdEscapesEveryAngleBracketSoNoTextCanOpenACommentOrEndTheScript() throws Exception {
        String page = mvc.perform(get("/unternehmen/{slug}", slug)).andReturn().getResponse().getContentAsString();
        String json = page.substring(page.indexOf("application/ld+json"));
        json = json.substring(json.indexOf('>') + 1, json.indexOf("</script>"));
        assertThat(json).contains("\\u003c!--\\u003cscript\\u003e", "\\u0026 \\u003c/script\\u003e \\u2028")
                .doesNotContain("<", ">", "&", "\u2028");
        // the footer is still outside the script element, where a browser shows it
        assertThat(page.substring(page.indexOf("</script>", page.indexOf("application/ld+json")))).contains("<footer");
    }
}
