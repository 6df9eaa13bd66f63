package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The topic texts' editor keeps every replaced text as a version, restores one in one click and refuses stale saves. */
@PortalTest
class TopicTextVersionsTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@bottrop.example", "EDITOR");
    static final String EDITOR = "/admin/unternehmen/themen/gutschein";
    static final String BUILT_IN = "Der Bottrop-Gutschein ist das Geschenk, das in der Stadt bleibt";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String tag;

    @BeforeEach
    void setUp() {
        cleanUp();
        tag = "Themenfassung " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM topic_text WHERE topic = 'gutschein'");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Themenseite'");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Themenseite'");
    }

    private MockHttpServletRequestBuilder save(String german, String english, String version) {
        return post(EDITOR).with(csrf()).with(STAFF).param("german", german).param("english", english).param("version", version);
    }

    @Test
    void savesAreKeptAsVersionsAndTheFirstIsRestoredOnThePublicPage() throws Exception {
        // nothing saved: the editor shows the built-in text at version 0, and links the versions
        mvc.perform(get(EDITOR).with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString(BUILT_IN), containsString("Bottrop voucher is the gift"),
                containsString("name=\"version\" value=\"0\""), containsString("href=\"" + EDITOR + "/versionen\""))));

        mvc.perform(save("Erste Fassung " + tag, "First version " + tag, "0")).andExpect(redirectedUrl("/admin/unternehmen/themen"))
                .andExpect(flash().attribute("success", "directory.topics.saved"));
        mvc.perform(get(EDITOR).with(STAFF)).andExpect(content().string(allOf(containsString("Erste Fassung " + tag),
                containsString("name=\"version\" value=\"1\""))));
        mvc.perform(save("Zweite Fassung " + tag, "Second version " + tag, "1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/gutschein")).andExpect(content().string(allOf(containsString("Zweite Fassung " + tag),
                not(containsString(BUILT_IN)))));

        // both replaced texts are listed, newest first: the first save kept the built-in text
        String versions = mvc.perform(get(EDITOR + "/versionen").with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(versions).contains("Fassung 2, ersetzt am", "Fassung 1, ersetzt am", "redaktion@bottrop.example",
                "Erste Fassung " + tag, "First version " + tag, BUILT_IN, "href=\"" + EDITOR + "\"",
                "action=\"" + EDITOR + "/versionen/2/wiederherstellen\"").doesNotContain("Zweite Fassung " + tag);
        assertThat(versions.indexOf("Fassung 2, ersetzt")).isLessThan(versions.indexOf("Fassung 1, ersetzt"));

        // restoring the first save makes it the page's text, in both languages; the replaced one is kept in turn
        mvc.perform(post(EDITOR + "/versionen/2/wiederherstellen").with(csrf()).with(STAFF)).andExpect(redirectedUrl(EDITOR))
                .andExpect(flash().attribute("success", "admin.versions.restored"));
        mvc.perform(get("/gutschein")).andExpect(content().string(allOf(containsString("Erste Fassung " + tag),
                not(containsString("Zweite Fassung " + tag)))));
        mvc.perform(get("/gutschein").param("lang", "en")).andExpect(content().string(containsString("First version " + tag)));
        mvc.perform(get(EDITOR + "/versionen").with(STAFF)).andExpect(content().string(allOf(containsString("Fassung 3, ersetzt am"),
                containsString("Zweite Fassung " + tag))));
        // … so the restore is undone in one click
        mvc.perform(post(EDITOR + "/versionen/3/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/gutschein")).andExpect(content().string(containsString("Zweite Fassung " + tag)));

        // the reset keeps staff's text as a version too; restoring it brings it back
        mvc.perform(post(EDITOR + "/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/gutschein")).andExpect(content().string(allOf(containsString(BUILT_IN), not(containsString(tag)))));
        mvc.perform(get(EDITOR).with(STAFF)).andExpect(content().string(allOf(containsString(BUILT_IN),
                containsString("name=\"version\" value=\"5\""))));
        mvc.perform(post(EDITOR + "/versionen/5/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/gutschein")).andExpect(content().string(containsString("Zweite Fassung " + tag)));

        mvc.perform(post(EDITOR + "/versionen/99/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/unternehmen/themen/gibt-es-nicht/versionen").with(STAFF)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Themenseite' ORDER BY id", String.class))
                .containsExactly("UPDATED", "UPDATED", "RESTORED", "RESTORED", "RESET", "RESTORED");
    }

    @Test
    void aSaveOnAStaleVersionAnswers409WithTheInputKept() throws Exception {
        mvc.perform(save("Meine Fassung " + tag, "Mine " + tag, "0")).andExpect(status().is3xxRedirection());
        // a second editor who opened the page before that save
        mvc.perform(save("Deine Fassung " + tag + " & mehr", "Yours " + tag, "0")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("Jemand anders hat diesen Text inzwischen gespeichert. Ihre Eingaben stehen unten"),
                        containsString("Deine Fassung " + tag + " &amp; mehr</textarea>"), containsString("Yours " + tag + "</textarea>"),
                        // saving the kept input again overwrites knowingly
                        containsString("name=\"version\" value=\"1\""))));
        mvc.perform(get("/gutschein")).andExpect(content().string(allOf(containsString("Meine Fassung " + tag),
                not(containsString("Deine Fassung")))));
        mvc.perform(save("Deine Fassung " + tag, "Yours " + tag, "1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/gutschein")).andExpect(content().string(containsString("Deine Fassung " + tag)));

        // a form opened before a reset is stale as well, though the page shows the built-in text again
        mvc.perform(post(EDITOR + "/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(save("Nach dem Zurücksetzen " + tag, "After reset", "2")).andExpect(status().isConflict());
        mvc.perform(save("Nach dem Zurücksetzen " + tag, "After reset", "0")).andExpect(status().isConflict());
        mvc.perform(get("/gutschein")).andExpect(content().string(not(containsString(tag))));
    }

    @Test
    void badInputComesBackNextToItsFieldInGermanAndNothingIsSaved() throws Exception {
        for (String field : new String[] {"german", "english"}) {
            String other = field.equals("german") ? "english" : "german";
            mvc.perform(post(EDITOR).with(csrf()).with(STAFF).param(field, "x".repeat(5001)).param(other, "Text").param("version", "0"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">Dieser Text ist zu lang.")));
            mvc.perform(post(EDITOR).with(csrf()).with(STAFF).param(field, "Text mit \uFFFF").param(other, "Text").param("version", "0"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">Dieser Text enthält unzulässige Steuerzeichen")));
            mvc.perform(post(EDITOR).with(csrf()).with(STAFF).param(field, "Text mit \u0000 NUL").param(other, "Text").param("version", "0"))
                    .andExpect(status().is4xxClientError());
        }
        mvc.perform(save("Text", "Text", "abc")).andExpect(status().isBadRequest());
        mvc.perform(save("x".repeat(5000), "Text", "0")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM content_version WHERE kind = 'Themenseite'", Integer.class)).isEqualTo(1);
    }
}
