package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.content.domain.TextPage;
import de.stadtportal.search.SearchApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** „Seitentexte“: staff change the fixed texts of public pages; the application's MessageSource shows theirs first. */
@PortalTest
class PageTextsTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("seitentexte@test.example", "EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    SearchApi search;

    @Autowired
    SpringTemplateEngine templates;

    @AfterEach
    void cleanUp() {
        int removed = jdbc.update("DELETE FROM page_text");
        jdbc.update("DELETE FROM page_text_page");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Seitentexte'");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Seitentexte'");
        // the texts were changed behind the portal's back: the next save of a test must not meet the old ones
        mvc(post("/admin/seitentexte/handwerk/zuruecksetzen"));
        if (removed > 0) {
            search.refresh();
        }
    }

    private void mvc(MockHttpServletRequestBuilder request) {
        try {
            mvc.perform(request.with(csrf()).with(STAFF));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A save of the page's form: version, then key, German, English for each text. */
    private static MockHttpServletRequestBuilder save(String page, long version, String... rows) {
        MockHttpServletRequestBuilder request = post("/admin/seitentexte/" + page).with(csrf()).with(STAFF)
                .param("version", String.valueOf(version));
        for (int i = 0; i < rows.length / 3; i++) {
            request.param("texts[" + i + "].key", rows[3 * i]).param("texts[" + i + "].de", rows[3 * i + 1]);
            if (rows[3 * i + 2] != null) {
                request.param("texts[" + i + "].en", rows[3 * i + 2]);
            }
        }
        return request;
    }

    @Test
    void staffChangeATextOfHandwerkAndItShowsInBothLanguagesOnTheNextRequest() throws Exception {
        mvc.perform(get("/admin/seitentexte").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("href=\"/admin/seitentexte/handwerk\""), containsString("href=\"/admin/seitentexte/gutschein\""))));
        // the editor starts with the built-in texts, a one-line field for the heading and a text area for the introduction
        String form = mvc.perform(get("/admin/seitentexte/handwerk").with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"Digitale Koproduktion im Handwerk\"", "value=\"Digital co-production in the crafts\"",
                "<textarea", "Das Bottroper Handwerk soll als kompetenter Arbeitgeber", "href=\"/admin/seitentexte/handwerk/versionen\"");

        mvc.perform(save("handwerk", 0, "handwerk.title", "Handwerk in Bottrop", "Crafts in Bottrop",
                        "handwerk.partners", "Unsere Partner", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(containsString("<h1>Handwerk in Bottrop</h1>"),
                containsString("Unsere Partner"), not(containsString("Digitale Koproduktion im Handwerk</h1>")))));
        // English: staff's English text; where they left English empty, the built-in English one (never German unmarked)
        mvc.perform(get("/en/handwerk")).andExpect(content().string(allOf(containsString("Crafts in Bottrop"),
                containsString("The partners of the cooperation"), not(containsString("Unsere Partner")))));
        // only what differs from the built-in text is stored, and the save is in the audit log
        assertThat(jdbc.queryForObject("SELECT count(*) FROM page_text", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Seitentexte'", String.class))
                .containsExactly("CHANGED");
        // the keys of other pages are untouched
        assertThat(messages.getMessage("handwerk.title", null, Locale.GERMAN)).isEqualTo("Handwerk in Bottrop");
        assertThat(messages.getMessage("sprechtag.title", null, Locale.GERMAN)).isEqualTo(
                messages.getMessage("sprechtag.title", null, Locale.GERMAN));

        // „Auf Standard zurücksetzen“ brings the built-in texts back
        mvc.perform(post("/admin/seitentexte/handwerk/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(containsString("Digitale Koproduktion im Handwerk"),
                not(containsString("Handwerk in Bottrop")), containsString("Die Partner der Kooperation"))));
        mvc.perform(get("/en/handwerk")).andExpect(content().string(containsString("The partners of the cooperation")));
    }

    @Test
    void theSectionHeadingsOfEveryReallaborPageAreStaffsToo() throws Exception {
        mvc.perform(get("/admin/seitentexte").with(STAFF)).andExpect(content().string(containsString("href=\"/admin/seitentexte/reallabor\"")));
        mvc.perform(get("/admin/reallabore").with(STAFF)).andExpect(content().string(containsString("href=\"/admin/seitentexte/reallabor\"")));
        mvc.perform(get("/admin/seitentexte/reallabor").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Ma&szlig;nahmen\"") /* Thymeleaf escapes ß in attributes */, containsString("value=\"Zukunftsperspektive\""))));
        mvc.perform(save("reallabor", 0, "reallabor.measures", "Was wir dafür tun", "What we do about it"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/reallabore/hybride-formen-des-handels")).andExpect(content().string(allOf(
                containsString("Was wir dafür tun"), not(containsString(">Maßnahmen<")))));
        mvc.perform(get("/en/reallabore/hybride-formen-des-handels")).andExpect(content().string(containsString("What we do about it")));
    }

    @Test
    void aTextWithAPlaceholderIsFormattedLikeTheBuiltInOne() throws Exception {
        mvc.perform(save("gutschein", 0, "directory.topic.gutschein.list", "Gutschein-Annahmestellen: {0}", null))
                .andExpect(status().is3xxRedirection());
        assertThat(messages.getMessage("directory.topic.gutschein.list", new Object[] {7}, Locale.GERMAN))
                .isEqualTo("Gutschein-Annahmestellen: 7");
        mvc.perform(get("/gutschein")).andExpect(status().isOk()).andExpect(content().string(containsString("Gutschein-Annahmestellen: ")));
    }

    @Test
    void everySaveKeepsAVersionToRestoreInOneClick() throws Exception {
        mvc.perform(save("handwerk", 0, "handwerk.title", "Erste Überschrift", "")).andExpect(status().is3xxRedirection());
        mvc.perform(save("handwerk", 1, "handwerk.title", "Zweite Überschrift", "")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/seitentexte/handwerk/versionen").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Fassung 2, ersetzt am"), containsString("Erste Überschrift"), containsString("seitentexte@test.example"))));
        long dataVersion = jdbc.queryForObject("SELECT version FROM data_version", Long.class);
        mvc.perform(post("/admin/seitentexte/handwerk/versionen/2/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT version FROM data_version", Long.class)).isGreaterThan(dataVersion);
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(containsString("Erste Überschrift"),
                not(containsString("Zweite Überschrift")))));
        // version 1 is the built-in page
        mvc.perform(post("/admin/seitentexte/handwerk/versionen/1/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(containsString("Digitale Koproduktion im Handwerk"),
                not(containsString("Erste Überschrift")))));
        mvc.perform(post("/admin/seitentexte/handwerk/versionen/99/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Seitentexte' ORDER BY id", String.class))
                .containsExactly("CHANGED", "CHANGED", "RESTORED", "RESTORED");
    }

    @Test
    void aScriptTagNeverReachesAPage() throws Exception {
        mvc.perform(save("handwerk", 0, "handwerk.intro", "Handwerk <script>alert(1)</script> lebt", "",
                        "handwerk.title", "Titel <b>fett</b>", "")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(
                containsString("Handwerk &lt;script&gt;alert(1)&lt;/script&gt; lebt"), not(containsString("<script>alert")),
                not(containsString("<b>fett</b>")))));
        mvc.perform(get("/suche").param("q", "Handwerk lebt")).andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void badInputComesBackNextToTheFieldWithTheInputKept() throws Exception {
        mvc.perform(save("handwerk", 0, "handwerk.intro", "x".repeat(5000), ""))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"texts0.de-error\""),
                        containsString("Dieser Text ist zu lang."), containsString("x".repeat(5000)))));
        mvc.perform(save("handwerk", 0, "handwerk.title", "Zeile\tmit Tabulator", ""))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"texts0.de-error\""),
                        containsString("in eine Zeile"), containsString("Zeile\tmit Tabulator"))));
        mvc.perform(save("handwerk", 0, "handwerk.title", "Kopf", "Heading\nin two lines"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"texts0.en-error\""),
                        containsString("in eine Zeile"))));
        mvc.perform(save("gutschein", 0, "directory.topic.gutschein.list", "Hier gilt der Gutschein", "Accepted here ({0})"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"texts0.de-error\""),
                        containsString("Der Platzhalter {0} fehlt"), not(containsString("id=\"texts0.en-error\"")),
                        containsString("value=\"Hier gilt der Gutschein\""))));
        mvc.perform(save("handwerk", 0, "sprechtag.title", "Falsche Seite", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Das Formular ist unvollständig")));
        mvc.perform(get("/admin/seitentexte/gibt-es-nicht").with(STAFF)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM page_text", Integer.class)).isZero();

        // stale: a colleague saved meanwhile; the 409 page keeps what was typed
        mvc.perform(save("handwerk", 0, "handwerk.title", "Kollegin war schneller", "")).andExpect(status().is3xxRedirection());
        mvc.perform(save("handwerk", 0, "handwerk.title", "Meine neuere Fassung", "")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("value=\"Meine neuere Fassung\""),
                        containsString("inzwischen gespeichert"), containsString("name=\"version\" value=\"1\""))));
        mvc.perform(get("/handwerk")).andExpect(content().string(containsString("Kollegin war schneller")));
    }

    @Test
    void theSearchFindsAnOverriddenSprechtagText() throws Exception {
        assertThat(mvc.perform(get("/suche").param("q", "Zauberwortsprechstunde")).andReturn().getResponse().getContentAsString())
                .contains("wurde nichts gefunden");
        mvc.perform(save("sprechtag", 0, "sprechtag.how", "Buchen Sie die Zauberwortsprechstunde mit einem Klick.", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/sprechtag")).andExpect(content().string(containsString("Zauberwortsprechstunde")));
        mvc.perform(get("/suche").param("q", "Zauberwortsprechstunde"))
                .andExpect(content().string(containsString("<h3><a href=\"/sprechtag\">")));
    }

    @Test
    void theSearchIndexesTheLegalPagesAsStaffSavedThem() throws Exception {
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "0")
                .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Das Impressum nennt den Kuckucksuhrenverein.")
                .param("texts[0].en", "")).andExpect(status().is3xxRedirection());
        try {
            mvc.perform(get("/suche").param("q", "Kuckucksuhrenverein"))
                    .andExpect(content().string(containsString("<h3><a href=\"/impressum\">")));
        } finally {
            jdbc.update("DELETE FROM legal_text");
            jdbc.update("DELETE FROM legal_page");
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Rechtliche Seite'");
            jdbc.update("DELETE FROM content_version WHERE kind = 'Rechtliche Seite'");
            search.refresh();
        }
    }

    @Test
    void theStartPageWithoutDatesSaysSoWithoutAskingForAnotherSearch() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse()), Locale.GERMAN);
        context.setVariable("nextEvents", List.of());
        context.setVariable("heading", null);
        context.setVariable("allLink", null);
        String german = templates.process("events/next", Set.of("next"), context);
        assertThat(german).contains("Nächste Termine").doesNotContain("Suchbegriff", "anderes Thema");
        context.setLocale(Locale.ENGLISH);
        String english = templates.process("events/next", Set.of("next"), context);
        assertThat(english).doesNotContain("search term", "another topic");
    }

    /** Every text staff may change is in both bundles and never written as HTML (th:utext) by a template. */
    @Test
    void everyEditableTextExistsAndIsEscapedOnItsPage() throws IOException {
        for (TextPage page : TextPage.values()) {
            for (String key : page.keys()) {
                assertThat(messages.getMessage(key, null, null, Locale.GERMAN)).as(key).isNotBlank();
                assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (TextPage page : TextPage.values()) {
                    for (String key : page.keys()) {
                        assertThat(html).as(file + " writes " + key + " unescaped").doesNotContain("th:utext=\"#{" + key);
                    }
                }
            }
        }
    }
}
