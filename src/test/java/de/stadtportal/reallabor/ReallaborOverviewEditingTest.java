package de.stadtportal.reallabor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff edit the heading and introduction of /reallabore; the editor opens with what visitors read now. */
@PortalTest
class ReallaborOverviewEditingTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@test.example", "EDITOR");
    static final String EDITOR = "/admin/reallabore/uebersicht";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM reallabor_overview_page");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Reallabore-Übersicht'");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Reallabore-Übersicht'");
    }

    /** The form with valid values; pairs of name and value replace single fields. */
    private MockHttpServletRequestBuilder form(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("heading", "Reallabore");
        fields.put("headingEn", "");
        fields.put("intro", "In den Reallaboren arbeitet die Wirtschaftsförderung.");
        fields.put("introEn", "");
        fields.put("listHeading", "Die drei Reallabore");
        fields.put("listHeadingEn", "");
        fields.put("version", "0");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(EDITOR).with(csrf()).with(STAFF);
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theHeadingTheIntroductionAndTheListHeadingAreEditedInBothLanguages() throws Exception {
        // nothing saved: the bundle's text, on the page and in the editor
        mvc.perform(get("/reallabore")).andExpect(content().string(allOf(containsString("<title>Reallabore – "),
                containsString("<h1>Reallabore</h1>"), containsString("<p>In den Reallaboren arbeitet die Wirtschaftsförderung mit"),
                containsString("<p>Die Themen der drei Reallabore spiegeln"), containsString("<h2>Die drei Reallabore</h2>"))));
        mvc.perform(get("/en/reallabore")).andExpect(content().string(allOf(containsString("<h1>Real-world labs"),
                not(containsString("lang=\"de\"><p>In den Reallaboren")))));
        mvc.perform(get(EDITOR).with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("value=\"Reallabore\""), containsString("name=\"headingEn\""), containsString("name=\"listHeadingEn\""),
                containsString("In den Reallaboren arbeitet die Wirtschaftsf"), containsString("Die Themen der drei Reallabore"),
                containsString("value=\"Die drei Reallabore\""))));
        mvc.perform(get("/admin/reallabore").with(STAFF)).andExpect(content().string(containsString("href=\"/admin/reallabore/uebersicht\"")));

        mvc.perform(form("heading", "Unsere Labore", "headingEn", "Our labs", "intro", "Wir **probieren** aus. <script>alert(1)</script>",
                "listHeading", "Alle Labore")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore")).andExpect(content().string(allOf(containsString("<title>Unsere Labore – "),
                containsString("<h1>Unsere Labore</h1>"), containsString("<p>Wir <strong>probieren</strong> aus. &lt;script&gt;"),
                containsString("<h2>Alle Labore</h2>"), not(containsString("<script>alert")),
                not(containsString("Die Themen der drei Reallabore")), not(containsString("Die drei Reallabore")))));
        // English where staff wrote it, else the German text marked as German
        mvc.perform(get("/en/reallabore")).andExpect(content().string(allOf(containsString("<title>Our labs – "),
                containsString("<h1>Our labs</h1>"), containsString("lang=\"de\"><p>Wir <strong>probieren</strong>"),
                containsString("<h2 lang=\"de\">Alle Labore</h2>"))));
        mvc.perform(get(EDITOR).with(STAFF)).andExpect(content().string(allOf(containsString("value=\"Unsere Labore\""),
                containsString("Wir **probieren** aus."), not(containsString("Die Themen der drei Reallabore")))));

        // a stale save keeps the input; a second save, then the first one restored
        mvc.perform(form("heading", "Veraltet")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("value=\"Veraltet\""), containsString("Jemand anders"))));
        mvc.perform(form("heading", "Zweite Fassung", "version", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore")).andExpect(content().string(containsString("<h1>Zweite Fassung</h1>")));
        mvc.perform(get(EDITOR + "/versionen").with(STAFF)).andExpect(status().isOk());
        mvc.perform(post(EDITOR + "/versionen/2/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore")).andExpect(content().string(allOf(containsString("<h1>Unsere Labore</h1>"),
                not(containsString("Zweite Fassung")))));
        mvc.perform(get("/en/reallabore")).andExpect(content().string(containsString("<h1>Our labs</h1>")));
        // version 1, the built-in page, brings the bundle's text back in both languages
        mvc.perform(post(EDITOR + "/versionen/1/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore")).andExpect(content().string(allOf(containsString("<h1>Reallabore</h1>"),
                containsString("<p>Die Themen der drei Reallabore spiegeln"), not(containsString("Unsere Labore")))));
        mvc.perform(get("/en/reallabore")).andExpect(content().string(allOf(containsString("<h1>Real-world labs"),
                not(containsString("Our labs")))));
        mvc.perform(post(EDITOR + "/versionen/99/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Reallabore-Übersicht'", Integer.class))
                .isEqualTo(4);
    }

    @Test
    void badInputComesBackNextToItsFieldInGermanWithTheInputKept() throws Exception {
        for (String field : List.of("heading", "headingEn", "listHeading", "listHeadingEn")) {
            String id = "id=\"" + field + "-error\">";
            String tooLong = "x".repeat(5000);
            mvc.perform(form(field, tooLong)).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                    containsString(id + "Dieser Text ist zu lang."), containsString("value=\"" + tooLong + "\""))));
            mvc.perform(form(field, "Mit\tTabulator")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(id + "Bitte schreiben Sie diese Angabe in eine Zeile")));
        }
        for (String field : List.of("intro", "introEn")) {
            String tooLong = "x".repeat(5001);
            mvc.perform(form(field, tooLong)).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                    containsString("id=\"" + field + "-error\">Dieser Text ist zu lang."), containsString(">" + tooLong + "</textarea>"))));
            mvc.perform(form(field, "Text mit \uFFFF")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">Dieser Text enthält unzulässige Steuerzeichen")));
        }
        for (String field : List.of("heading", "intro", "listHeading")) {
            mvc.perform(form(field, " ")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">Bitte füllen Sie dieses Feld aus.")));
        }
        mvc.perform(form("version", "abc")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reallabor_overview_page", Integer.class)).isZero();
    }
}
