package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "What staff saved is rendered once per change, not once per request": anonymous pages are kept by the page cache
 * under the data version, so every save of content must advance that version – else visitors keep the old page.
 * Each kind of content save is checked here: the version moves on and the next anonymous visitor sees the change,
 * after the page had been kept.
 */
@PortalTest
class ContentSavesRenewPagesTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@test.example", "EDITOR");
    static final String REALLABOR = "fachkraeftesicherung";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String tag;
    int reallaborVersions;
    long firstAuditRow;
    Map<String, Object> reallabor;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        firstAuditRow = jdbc.queryForObject("SELECT coalesce(max(id), 0) + 1 FROM audit_entry", Long.class);
        reallabor = jdbc.queryForMap("SELECT * FROM reallabor WHERE slug = ?", REALLABOR);
        reallaborVersions = jdbc.queryForObject("SELECT coalesce(max(number), 0) FROM content_version WHERE kind = 'Reallabor'"
                + " AND entity_id = ?", Integer.class, reallabor.get("id").toString());
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM content_version WHERE kind = 'Nachricht' AND entity_id IN (SELECT id::text FROM news WHERE title LIKE ?)",
                "Seitenwechsel " + tag + "%");
        jdbc.update("DELETE FROM news WHERE title LIKE ?", "Seitenwechsel " + tag + "%");
        jdbc.update("DELETE FROM start_page_highlight");
        jdbc.update("DELETE FROM start_page");
        jdbc.update("DELETE FROM legal_text");
        jdbc.update("DELETE FROM legal_page");
        jdbc.update("UPDATE reallabor SET summary = ? WHERE slug = ?", reallabor.get("summary"), REALLABOR);
        jdbc.update("DELETE FROM content_version WHERE kind IN ('Startseite', 'Rechtliche Seite')");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Reallabor' AND entity_id = ? AND number > ?",
                reallabor.get("id").toString(), reallaborVersions);
        jdbc.update("DELETE FROM audit_entry WHERE id >= ?", firstAuditRow);
    }

    private long dataVersion() {
        return jdbc.queryForObject("SELECT version FROM data_version", Long.class);
    }

    /** The page as an anonymous visitor gets it, asked for twice so the second answer may come from the page cache. */
    private String kept(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk());
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Saves, checks that the data version moved on, and that the next anonymous visitor of {@code path} sees {@code shown}. */
    private void savedAndShown(String what, MockHttpServletRequestBuilder save, String path, String shown) throws Exception {
        assertThat(kept(path)).as(what + ": before").doesNotContain(shown);
        long before = dataVersion();
        ResultActions result = mvc.perform(save.with(csrf()).with(STAFF));
        result.andExpect(status().is3xxRedirection());
        assertThat(dataVersion()).as(what + ": data version after the save").isGreaterThan(before);
        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString(shown)));
    }

    @Test
    void everyContentSaveRenewsTheKeptPagesAtOnce() throws Exception {
        String at = LocalDateTime.now(ZoneId.of("Europe/Berlin")).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
        String title = "Seitenwechsel " + tag;
        savedAndShown("news created", post("/admin/aktuelles/neu").param("title", title).param("teaser", "Erster Anreißer")
                .param("body", "Text").param("publishDate", at.substring(0, 10)).param("publishTime", at.substring(11, 16)),
                "/aktuelles", title);
        long id = jdbc.queryForObject("SELECT id FROM news WHERE title = ?", Long.class, title);
        String slug = jdbc.queryForObject("SELECT slug FROM news WHERE id = ?", String.class, id);
        long version = jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, id);
        savedAndShown("news changed", post("/admin/aktuelles/" + id).param("title", title).param("teaser", "Zweiter Anreißer " + tag)
                .param("body", "Text").param("publishDate", at.substring(0, 10)).param("publishTime", at.substring(11, 16))
                .param("version", String.valueOf(version)), "/aktuelles/" + slug, "Zweiter Anreißer " + tag);
        savedAndShown("news restored", post("/admin/aktuelles/" + id + "/versionen/1/wiederherstellen"), "/aktuelles/" + slug,
                "Erster Anreißer");

        savedAndShown("start page", post("/admin/startseite").param("heading", "Stadtportal")
                .param("intro", "Einleitung " + tag).param("reallabore", "Reallabore").param("aboutHeading", "Über")
                .param("about", "Die Stadt").params(org.springframework.util.MultiValueMap.fromSingleValue(ContentEditingTest.BUILT_IN_LINES)).param("orderDirectory", "1")
                .param("orderHighlights", "2").param("orderNews", "3").param("orderEvents", "4").param("orderReallabore", "5")
                .param("version", "0"), "/", "Einleitung " + tag);

        savedAndShown("legal page", post("/admin/rechtliches/impressum").param("version", "0")
                .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Impressum " + tag), "/impressum", "Impressum " + tag);
        long dataVersion = dataVersion();
        mvc.perform(post("/admin/rechtliches/impressum/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        assertThat(dataVersion()).as("legal page reset").isGreaterThan(dataVersion);
        mvc.perform(get("/impressum")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("Impressum " + tag))));

        long reallaborId = ((Number) reallabor.get("id")).longValue();
        savedAndShown("Reallabor", post("/admin/reallabore/" + reallaborId).param("title", (String) reallabor.get("title"))
                .param("summary", "Kurz " + tag).param("background", (String) reallabor.get("background"))
                .param("goals", (String) reallabor.get("goals")).param("outlook", (String) reallabor.get("outlook"))
                .param("titleEn", text("title_en")).param("summaryEn", text("summary_en")).param("backgroundEn", text("background_en"))
                .param("goalsEn", text("goals_en")).param("outlookEn", text("outlook_en"))
                .param("version", reallabor.get("version").toString()), "/reallabore", "Kurz " + tag);
    }

    private String text(String column) {
        Object value = reallabor.get(column);
        return value == null ? "" : value.toString();
    }
}
