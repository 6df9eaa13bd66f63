package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every field of the content forms (news, start page, legal pages) with 5,000 characters and with a character no
 * form takes (U+FFFF passes the edge, which refuses C0/C1 controls with its 400 page): a German message next to that
 * field (400), or – where 5,000 characters are allowed – the 409 page of the stale version the request carries, with
 * the input kept. Never a 500, and nothing stored.
 */
@PortalTest
class ContentFormsBadInputTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@test.example", "EDITOR");
    static final String LONG = "x".repeat(5000);
    static final String NONCHARACTER = "Text mit \uFFFF";
    /** A tab passes the edge (text areas need it) but is refused in a field of one line. */
    static final String TAB = "Text mit\tTab";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String title;
    long newsId;

    @BeforeEach
    void setUp() {
        title = "Eingabeprobe " + UUID.randomUUID().toString().substring(0, 8);
        newsId = jdbc.queryForObject("""
                INSERT INTO news (slug, title, teaser, body, body_html, publish_at, created_at, updated_at, version)
                VALUES (?, ?, 'Anreißer', 'Text', '<p>Text</p>', now(), now(), now(), 5) RETURNING id""", Long.class,
                "eingabeprobe-" + UUID.randomUUID(), title);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM news WHERE title LIKE ?", title + "%");
        jdbc.update("DELETE FROM start_page_highlight");
        jdbc.update("DELETE FROM start_page");
        jdbc.update("DELETE FROM legal_text");
        jdbc.update("DELETE FROM legal_page");
    }

    /**
     * Posts the valid fields with one replaced and checks the answer.
     * @param errorId the id of the field's error message, as the form fragments make it
     */
    private void check(String path, Map<String, String> valid, String field, String value, String errorId, boolean longAllowed)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(valid);
        fields.put(field, value);
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(STAFF);
        fields.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String page = response.getContentAsString();
        String where = path + " " + field + " = " + value.substring(0, Math.min(12, value.length()));
        if (value.equals(LONG) && longAllowed) {
            assertThat(response.getStatus()).as(where).isEqualTo(409);
            assertThat(page).as(where + ": the input kept").contains(LONG).contains("<html lang=\"de\"");
        } else {
            assertThat(response.getStatus()).as(where).isEqualTo(400);
            assertThat(page).as(where + ": the message next to the field")
                    .containsPattern("id=\"" + java.util.regex.Pattern.quote(errorId) + "\">(Dieser Text ist zu lang\\.|Dieser Text enthält unzulässige Steuerzeichen|Bitte |Das Datum|Geben Sie|Die Nummer)");
        }
    }

    @Test
    void theNewsFormAnswersEveryFieldNextToItNeverWithA500() throws Exception {
        String at = LocalDateTime.now(ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("title", title);
        valid.put("titleEn", "");
        valid.put("teaser", "Anreißer");
        valid.put("teaserEn", "");
        valid.put("body", "Text");
        valid.put("bodyEn", "");
        valid.put("publishDate", at.substring(0, 10));
        valid.put("publishTime", at.substring(11, 16));
        valid.put("imageAlt", "");
        valid.put("imageAltEn", "");
        valid.put("version", "1"); // stale: the item is at 5
        for (String field : List.of("title", "titleEn", "teaser", "teaserEn", "body", "bodyEn", "publishDate", "publishTime",
                "imageAlt", "imageAltEn")) {
            boolean longAllowed = field.startsWith("body");
            check("/admin/aktuelles/" + newsId, valid, field, LONG, field + "-error", longAllowed);
            if (!field.startsWith("publish")) {
                check("/admin/aktuelles/" + newsId, valid, field, NONCHARACTER, field + "-error", false);
            }
            if (field.startsWith("title") || field.startsWith("imageAlt")) {
                check("/admin/aktuelles/" + newsId, valid, field, TAB, field + "-error", false);
            }
        }
        assertThat(jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, newsId)).isEqualTo(5);
    }

    @Test
    void theStartPageFormAnswersEveryFieldNextToItNeverWithA500() throws Exception {
        jdbc.update("""
                INSERT INTO start_page (id, intro, intro_html, sections, version, updated_at)
                VALUES (1, 'Einleitung', '<p>Einleitung</p>', '{DIRECTORY,HIGHLIGHTS,NEWS,EVENTS,REALLABORE}', 5, now())""");
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("heading", "Stadtportal");
        valid.put("headingEn", "");
        valid.put("intro", "Einleitung");
        valid.put("introEn", "");
        valid.put("reallabore", "Drei Reallabore");
        valid.put("reallaboreEn", "");
        valid.put("aboutHeading", "Über dieses Portal");
        valid.put("aboutHeadingEn", "");
        valid.put("about", "Die Stadt betreibt es.");
        valid.put("aboutEn", "");
        ContentEditingTest.BUILT_IN_LINES.forEach((field, text) -> {
            valid.put(field, text);
            valid.put(field + "En", "");
        });
        valid.put("highlights[0].title", "Fairer Kaffee");
        valid.put("highlights[0].titleEn", "");
        valid.put("highlights[0].text", "Im Rathaus");
        valid.put("highlights[0].textEn", "");
        valid.put("highlights[0].link", "/fairtrade");
        valid.put("highlights[0].imageAlt", "");
        valid.put("highlights[0].imageAltEn", "");
        valid.put("orderDirectory", "1");
        valid.put("orderHighlights", "2");
        valid.put("orderNews", "3");
        valid.put("orderEvents", "4");
        valid.put("orderReallabore", "5");
        valid.put("version", "1"); // stale: the page is at 5
        for (String field : valid.keySet()) {
            if (field.equals("version")) {
                continue;
            }
            String errorId = field.replace("[", "").replace("]", "") + "-error";
            boolean text = !field.startsWith("order") && !field.endsWith("link");
            boolean markdown = field.matches("(intro|reallabore|about)(En)?");
            check("/admin/startseite", valid, field, LONG, errorId, markdown);
            if (text) {
                check("/admin/startseite", valid, field, NONCHARACTER, errorId, false);
            }
            boolean line = field.startsWith("heading") || field.startsWith("aboutHeading")
                    || ContentEditingTest.BUILT_IN_LINES.containsKey(field.replaceFirst("En$", ""));
            if (line || field.matches("highlights\\[0]\\.(title|imageAlt).*")) {
                check("/admin/startseite", valid, field, TAB, errorId, false);
            }
        }
        assertThat(jdbc.queryForObject("SELECT version FROM start_page", Long.class)).isEqualTo(5);
    }

    @Test
    void theLegalFormsAnswerEveryFieldNextToItNeverWithA500() throws Exception {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("version", "7"); // stale: nothing saved yet, so the page is at 0
        valid.put("statementDate", "2026-12-01");
        valid.put("reviewDate", "2026-12-02");
        valid.put("texts[0].key", "legal.accessibility.intro");
        valid.put("texts[0].de", "Unsere Erklärung");
        valid.put("texts[0].en", "");
        for (String field : List.of("statementDate", "reviewDate", "texts[0].de", "texts[0].en")) {
            String errorId = field.replace("[", "").replace("]", "") + "-error";
            check("/admin/rechtliches/barrierefreiheit", valid, field, LONG, errorId, field.startsWith("texts"));
            if (field.startsWith("texts")) {
                check("/admin/rechtliches/barrierefreiheit", valid, field, NONCHARACTER, errorId, false);
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM legal_text", Integer.class)).isZero();
    }
}
