package de.stadtportal.reallabor;

import de.stadtportal.account.TestAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff edit a Reallabor and its measures; the public page shows it on the next request; versions restore it. */
@PortalTest
class ReallaborAdminTest {

    static final String SLUG = "fachkraeftesicherung";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long id;
    Map<String, Object> original;

    @BeforeEach
    void remember() {
        original = jdbc.queryForMap("SELECT * FROM reallabor WHERE slug = ?", SLUG);
        id = ((Number) original.get("id")).longValue();
    }

    @AfterEach
    void putBack() {
        jdbc.update("UPDATE reallabor SET title = ?, title_en = NULL, summary = ?, summary_en = NULL, background = ?, "
                + "background_en = NULL, goals = '', goals_en = NULL, outlook = ?, outlook_en = NULL WHERE id = ?",
                original.get("title"), original.get("summary"), original.get("background"), original.get("outlook"), id);
        jdbc.update("DELETE FROM measure WHERE title LIKE 'Testmaßnahme%'");
        jdbc.update("DELETE FROM actor WHERE name LIKE 'Testakteur%'");
        jdbc.update("DELETE FROM content_version WHERE kind IN ('Reallabor', 'Maßnahme')");
    }

    private MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
        return request.with(TestAccounts.staff("redaktion@test.example", "EDITOR"));
    }

    private MockHttpServletRequestBuilder textForm(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Fachkräfte für Bottrop");
        fields.put("titleEn", "");
        fields.put("summary", "Neue Kurzbeschreibung");
        fields.put("summaryEn", "New short description");
        fields.put("background", "## Neuer Hintergrund\n\nMit <script>alert(1)</script> und [Link](javascript:alert(2)) "
                + "und <img src=x onerror=alert(3)>.");
        fields.put("backgroundEn", "");
        fields.put("goals", "- erstes Ziel\n- zweites Ziel");
        fields.put("goalsEn", "- first goal");
        fields.put("outlook", "Ausblick");
        fields.put("outlookEn", "");
        fields.put("version", jdbc.queryForObject("SELECT version FROM reallabor WHERE id = ?", String.class, id));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = staff(post("/admin/reallabore/" + id)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void staffEditTheTextsThePublicPageShowsThemAtOnceSanitisedAndAVersionRestoresThem() throws Exception {
        mvc.perform(staff(get("/admin/reallabore"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/reallabore/" + id + "\"")));
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(status().isOk()); // the page is built and kept
        mvc.perform(staff(get("/admin/reallabore/" + id))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kommunales Integrationsmanagement")));

        mvc.perform(textForm()).andExpect(redirectedUrl("/admin/reallabore/" + id));

        String page = mvc.perform(get("/reallabore/" + SLUG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Reallabor »Fachkräfte für Bottrop«", "<h3>Neuer Hintergrund</h3>".replace("h3", "h2"),
                "<li>erstes Ziel</li>", "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.toLowerCase()).doesNotContain("<script>alert", "href=\"javascript", "<img src=x", "onerror=");

        // English where there is English; the German title stays, marked as German
        mvc.perform(get("/reallabore/" + SLUG).param("lang", "en")).andExpect(content().string(allOf(
                containsString("New short description"), containsString("<li>first goal</li>"),
                containsString("<h1 lang=\"de\">"), containsString("Fachkräfte für Bottrop"))));

        // the version before the save is kept and restores in one click
        mvc.perform(staff(get("/admin/reallabore/" + id + "/versionen"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Fassung 1"), containsString("redaktion@test.example"))));
        mvc.perform(staff(post("/admin/reallabore/" + id + "/versionen/1/wiederherstellen")).with(csrf()))
                .andExpect(redirectedUrl("/admin/reallabore/" + id));
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(allOf(
                containsString("Reallabor »" + original.get("title") + "«"), not(containsString("Neuer Hintergrund")))));
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Reallabor' AND entity_id = ? "
                + "ORDER BY id DESC LIMIT 2", String.class, String.valueOf(id))).containsExactly("RESTORED", "CHANGED");
        mvc.perform(staff(post("/admin/reallabore/" + id + "/versionen/99/wiederherstellen")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStaleSaveGets409WithTheInputKeptAndBadInputGermanMessagesNextToTheField() throws Exception {
        mvc.perform(textForm("version", "-1", "summary", "Meine Eingabe bleibt")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Jemand anders hat diesen Inhalt gespeichert"),
                        containsString("Meine Eingabe bleibt"))));
        mvc.perform(textForm("title", "x".repeat(5000))).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("Dieser Text ist zu lang."))));
        // control characters are refused at the edge (EdgeInputFilter) before any form sees them
        mvc.perform(textForm("summary", "Steuer\u0000zeichen\u0007")).andExpect(status().isBadRequest());
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(not(containsString("Steuerzeichen"))));
        mvc.perform(textForm("background", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"background-error\"")));
        mvc.perform(textForm("version", "abc")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT title FROM reallabor WHERE id = ?", String.class, id)).isEqualTo(original.get("title"));
        mvc.perform(staff(get("/admin/reallabore/999999"))).andExpect(status().isNotFound());
    }

    @Test
    void staffAddEditReorderAndRemoveAMeasureWithSharedActorsSdgsResultsAndLinks() throws Exception {
        MockHttpServletRequestBuilder create = staff(post("/admin/reallabore/" + id + "/massnahmen/neu")).with(csrf())
                .param("title", "Testmaßnahme Sprachkurse").param("coordination", "Amt für Wirtschaftsförderung")
                .param("activities", "Kurse planen\nKurse anbieten").param("activitiesEn", "Plan courses")
                .param("newActors", "Testakteur Volkshochschule").param("sdgs", "4", "8").param("links", "FACHKRAEFTE")
                .param("megatrendIds", jdbc.queryForObject("SELECT id::text FROM megatrend WHERE name = 'Migration'", String.class))
                .param("results[0].dated", "2026-03").param("results[0].dateLabel", "März 2026")
                .param("results[0].text", "Erster Kurs").param("results[1].text", "")
                .param("version", "0");
        mvc.perform(create).andExpect(status().is3xxRedirection());
        long measure = jdbc.queryForObject("SELECT id FROM measure WHERE title = 'Testmaßnahme Sprachkurse'", Long.class);

        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(allOf(
                containsString("Testmaßnahme Sprachkurse"), containsString("Testakteur Volkshochschule"),
                containsString("<time datetime=\"2026-03\">März 2026</time>"), containsString("»Hochwertige Bildung«"),
                containsString("href=\"/fachkraefte\""), containsString("Megatrend »Migration«"))));
        mvc.perform(get("/reallabore/" + SLUG).param("lang", "en")).andExpect(content().string(allOf(
                containsString("<li>Plan courses</li>"), containsString("<li lang=\"de\">Kurse anbieten</li>"))));

        // the actor is shared: renaming it changes it on the page
        long actor = jdbc.queryForObject("SELECT id FROM actor WHERE name = 'Testakteur Volkshochschule'", Long.class);
        mvc.perform(staff(post("/admin/reallabore/verzeichnisse/akteure/" + actor)).with(csrf())
                .param("name", "Testakteur VHS Bottrop").param("nameEn", "")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(containsString("Testakteur VHS Bottrop")));
        mvc.perform(staff(post("/admin/reallabore/verzeichnisse/akteure/" + actor)).with(csrf())
                .param("name", "Ausländeramt")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Diesen Namen gibt es schon.")));

        // the form opens with everything; bad rows come back next to their field
        mvc.perform(staff(get("/admin/reallabore/massnahmen/" + measure))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kurse planen\nKurse anbieten"), containsString("value=\"2026-03\""))));
        long version = jdbc.queryForObject("SELECT version FROM measure WHERE id = ?", Long.class, measure);
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure)).with(csrf())
                .param("title", "Testmaßnahme Sprachkurse").param("coordination", "x".repeat(5000))
                .param("results[0].dated", "2026-13-45").param("results[0].text", "Kurs")
                .param("activitiesEn", "a\nb").param("activities", "eins").param("sdgs", "abc").param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"coordination-error\""), containsString("id=\"results0.dated-error\""),
                        containsString("id=\"activitiesEn-error\""), containsString("id=\"sdgs-error\""))));
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure)).with(csrf())
                .param("title", "Testmaßnahme Sprachkurse alt").param("coordination", "Amt").param("version", String.valueOf(version - 1)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Sprachkurse alt")));
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure)).with(csrf())
                .param("title", "Testmaßnahme Sprachkurse neu").param("coordination", "Amt").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/reallabore/massnahmen/" + measure));
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(allOf(
                containsString("Testmaßnahme Sprachkurse neu"), not(containsString("März 2026")))));
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure + "/versionen/1/wiederherstellen")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(containsString("März 2026")));

        // reorder: up before the first measure, then down again
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure + "/hoch")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT position FROM measure WHERE id = ?", Integer.class, measure)).isEqualTo(1);
        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure + "/runter")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT position FROM measure WHERE id = ?", Integer.class, measure)).isEqualTo(2);

        mvc.perform(staff(post("/admin/reallabore/massnahmen/" + measure + "/loeschen")).with(csrf()))
                .andExpect(redirectedUrl("/admin/reallabore"));
        mvc.perform(get("/reallabore/" + SLUG)).andExpect(content().string(allOf(
                not(containsString("Testmaßnahme")), containsString("Kommunales Integrationsmanagement"))));
        mvc.perform(staff(get("/admin/reallabore/massnahmen/" + measure))).andExpect(status().isNotFound());
    }
}
