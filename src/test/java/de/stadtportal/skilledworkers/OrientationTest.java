package de.stadtportal.skilledworkers;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /fachkraefte: orientation and contact points from the database, edited by staff with optimistic locking. */
@PortalTest
class OrientationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Object> topicBefore;
    Map<String, Object> pointBefore;
    long topic;
    long point;
    String editor;

    @BeforeEach
    void remember() {
        topicBefore = jdbc.queryForMap("SELECT * FROM skilled_topic WHERE slug = 'beschaeftigungsduldung'");
        pointBefore = jdbc.queryForMap("SELECT * FROM skilled_contact_point WHERE slug = 'jobcenter'");
        topic = (Long) topicBefore.get("id");
        point = (Long) pointBefore.get("id");
        editor = "redaktion-" + UUID.randomUUID() + "@test.example";
    }

    @AfterEach
    void restore() {
        jdbc.update("UPDATE skilled_topic SET title = ?, body = ?, office = ?, source_label = ?, source_url = ?, position = ? WHERE id = ?",
                topicBefore.get("title"), topicBefore.get("body"), topicBefore.get("office"), topicBefore.get("source_label"),
                topicBefore.get("source_url"), topicBefore.get("position"), topic);
        jdbc.update("UPDATE skilled_contact_point SET name = ?, helps_with = ?, address = ?, hours = ?, phone = ?, email = ?, "
                        + "website = ?, position = ?, verified = ? WHERE id = ?", pointBefore.get("name"), pointBefore.get("helps_with"),
                pointBefore.get("address"), pointBefore.get("hours"), pointBefore.get("phone"), pointBefore.get("email"),
                pointBefore.get("website"), pointBefore.get("position"), pointBefore.get("verified"), point);
        jdbc.update("DELETE FROM audit_entry WHERE actor = ?", editor);
    }

    private long version(String table, long id) {
        return jdbc.queryForObject("SELECT version FROM " + table + " WHERE id = ?", Long.class, id);
    }

    private MockHttpServletRequestBuilder topicForm(String... overrides) {
        MockHttpServletRequestBuilder builder = post("/admin/fachkraefte/themen/" + topic).with(csrf())
                .with(TestAccounts.staff(editor, "EDITOR"));
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("title", "Beschäftigungsduldung (geprüft)",
                "body", "Erster Absatz <b>fett</b>.\r\n\r\nZweiter Absatz.", "office", "Ausländeramt Bottrop",
                "sourceLabel", "§ 60d AufenthG", "sourceUrl", "https://www.gesetze-im-internet.de/aufenthg_2004/__60d.html",
                "position", "20", "version", String.valueOf(version("skilled_topic", topic))));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(builder::param);
        return builder;
    }

    @Test
    void employersReadOrientationWithOfficeAndOfficialSourceAndTheContactPoints() throws Exception {
        mvc.perform(get("/fachkraefte"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Orientierung, keine Rechtsberatung."),
                        containsString("Ausbildungsduldung und „3+2“"),
                        containsString("href=\"https://www.gesetze-im-internet.de/aufenthg_2004/__60c.html\""),
                        containsString("Handwerkskammer Münster"), containsString("Kommunales Integrationsmanagement"),
                        containsString("Beispielwerte der Stadt und werden noch geprüft"),
                        containsString("href=\"/fachkraefte/anfrage\""), containsString("href=\"/reallabore/fachkraeftesicherung\""))));
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(containsString(">Skilled workers</a>")));
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("href=\"/fachkraefte\"")));
        mvc.perform(get("/datenschutz"))
                .andExpect(content().string(allOf(containsString("id=\"anfragen\""), containsString("Art. 6 Abs. 1 Buchst. a DSGVO"),
                        containsString("bewahren wir sie 12 Monate auf"))));
    }

    @Test
    void staffEditATopicAndThePageShowsItEscaped() throws Exception {
        mvc.perform(topicForm()).andExpect(status().isFound());
        mvc.perform(get("/fachkraefte"))
                .andExpect(content().string(allOf(containsString("Beschäftigungsduldung (geprüft)"),
                        containsString("<p>Erster Absatz &lt;b&gt;fett&lt;/b&gt;.</p>"), containsString("<p>Zweiter Absatz.</p>"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = ? AND entity_type = 'Fachkräfte-Orientierung'",
                Long.class, editor)).isEqualTo(1);
    }

    @Test
    void badTopicInputComesBackNextToTheFieldAndStaleSavesAreConflicts() throws Exception {
        // control characters never reach the form: the edge (EdgeInputFilter) refuses the request
        mvc.perform(topicForm("office", "A\u0007mt")).andExpect(status().isBadRequest());
        mvc.perform(topicForm("title", "", "sourceUrl", "http://unsicher.example", "position", "zehn",
                        "office", "x".repeat(5000), "body", "Mein Text bleibt"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("id=\"sourceUrl-error\""),
                        containsString("mit https:// beginnt"), containsString("id=\"position-error\""),
                        containsString("id=\"office-error\""), containsString("Mein Text bleibt"),
                        containsString("value=\"zehn\""))));
        mvc.perform(topicForm("version", "abc")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bitte laden Sie die Seite neu")));
        long stale = version("skilled_topic", topic);
        mvc.perform(topicForm()).andExpect(status().isFound());
        mvc.perform(topicForm("version", String.valueOf(stale), "title", "Meine spaete Fassung"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("inzwischen geändert"), containsString("Meine spaete Fassung"))));
        mvc.perform(get("/admin/fachkraefte/themen/999999999").with(TestAccounts.staff(editor, "EDITOR"))).andExpect(status().isNotFound());
    }

    @Test
    void staffConfirmAContactPointAndItLosesTheExampleNote() throws Exception {
        mvc.perform(post("/admin/fachkraefte/anlaufstellen/" + point).with(csrf()).with(TestAccounts.staff(editor, "EDITOR"))
                        .param("name", "Jobcenter Arbeit für Bottrop").param("helpsWith", "Hilft Betrieben.")
                        .param("phone", "keine Nummer").param("email", "kein-mail").param("website", "javascript:alert(1)")
                        .param("position", "50").param("version", String.valueOf(version("skilled_contact_point", point))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"phone-error\""), containsString("id=\"email-error\""),
                        containsString("id=\"website-error\""), containsString("value=\"keine Nummer\""))));
        mvc.perform(post("/admin/fachkraefte/anlaufstellen/" + point).with(csrf()).with(TestAccounts.staff(editor, "EDITOR"))
                        .param("name", "Jobcenter Arbeit für Bottrop").param("helpsWith", "Hilft Betrieben beim Einstieg.")
                        .param("phone", "02041 111-0").param("email", "jobcenter@test.example").param("website", "https://www.bottrop.de")
                        .param("position", "50").param("verified", "true")
                        .param("version", String.valueOf(version("skilled_contact_point", point))))
                .andExpect(status().isFound());
        String page = mvc.perform(get("/fachkraefte")).andReturn().getResponse().getContentAsString();
        String card = page.substring(page.indexOf("Jobcenter Arbeit für Bottrop"));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("Hilft Betrieben beim Einstieg.").contains("tel:02041111").doesNotContain("Beispielwerte");
    }
}
