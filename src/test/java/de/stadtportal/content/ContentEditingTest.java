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

import java.util.LinkedHashMap;
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

/** Staff edit the start page and the text of the legal pages; the editors open with what visitors read now. */
@PortalTest
class ContentEditingTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@test.example", "EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM start_page_highlight");
        jdbc.update("DELETE FROM start_page");
        jdbc.update("DELETE FROM legal_text");
        jdbc.update("DELETE FROM legal_page");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type IN ('Startseite', 'Rechtliche Seite')");
        jdbc.update("DELETE FROM content_version WHERE kind IN ('Startseite', 'Rechtliche Seite')");
    }

    /** The start page's lines around its sections by form field, with the message bundle's German text they start with. */
    static final Map<String, String> BUILT_IN_LINES = new LinkedHashMap<>();

    static {
        BUILT_IN_LINES.put("pageTitle", "Startseite");
        BUILT_IN_LINES.put("directoryHeading", "Unternehmen in Bottrop finden");
        BUILT_IN_LINES.put("searchLabel", "Suchbegriff (zum Beispiel Bäckerei, Fahrrad oder ein Name)");
        BUILT_IN_LINES.put("highlightsHeading", "Im Blick");
        BUILT_IN_LINES.put("newsHeading", "Aktuelles");
        BUILT_IN_LINES.put("newsAll", "Alle Nachrichten");
        BUILT_IN_LINES.put("eventsHeading", "Nächste Termine");
        BUILT_IN_LINES.put("eventsAll", "Alle Veranstaltungen und der Veranstaltungskalender");
        BUILT_IN_LINES.put("reallaboreHeading", "Die Reallabore");
        BUILT_IN_LINES.put("reallaboreAll", "Übersicht aller Reallabore mit Maßnahmen, Megatrends und Nachhaltigkeitszielen");
    }

    /** The start page form with valid values; pairs of name and value replace single fields. */
    private MockHttpServletRequestBuilder startForm(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("heading", "Stadtportal Bottrop");
        fields.put("headingEn", "");
        fields.put("intro", "Willkommen **im Portal** <script>alert(1)</script>");
        fields.put("introEn", "");
        fields.put("reallabore", "In drei Reallaboren wird erprobt.");
        fields.put("reallaboreEn", "");
        fields.put("aboutHeading", "Über dieses Portal");
        fields.put("aboutHeadingEn", "");
        fields.put("about", "Die Stadt Bottrop betreibt das Portal.");
        fields.put("aboutEn", "");
        BUILT_IN_LINES.forEach((field, text) -> {
            fields.put(field, text);
            fields.put(field + "En", "");
        });
        fields.put("highlights[0].title", "Fairer Kaffee <b>jetzt</b>");
        fields.put("highlights[0].text", "Im Rathaus gibt es fairen Kaffee.");
        fields.put("highlights[0].link", "/fairtrade");
        fields.put("highlights[1].title", "");
        fields.put("highlights[1].text", "");
        fields.put("highlights[1].link", "");
        fields.put("orderDirectory", "5");
        fields.put("orderHighlights", "1");
        fields.put("orderNews", "2");
        fields.put("orderEvents", "3");
        fields.put("orderReallabore", "4");
        fields.put("version", "0");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/admin/startseite").with(csrf()).with(STAFF);
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theStartPageEditorOpensWithTheBuiltInTextAndItsSavesShowOnTheStartPage() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("Das Stadtportal ist der erste digitale Anlaufpunkt"),
                not(containsString("nach und nach kommen Veranstaltungen")))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Das Stadtportal ist der erste digitale Anlaufpunkt"), containsString("The city portal is the first digital stop"))));

        mvc.perform(startForm()).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Willkommen <strong>im Portal</strong> &lt;script&gt;", "Fairer Kaffee &lt;b&gt;jetzt&lt;/b&gt;",
                "href=\"/fairtrade\"").doesNotContain("<script>alert", "Das Stadtportal ist der erste digitale Anlaufpunkt");
        // the order chosen: highlights, news, events, Reallabore, then the directory search
        assertThat(page.indexOf("highlights-heading")).isLessThan(page.indexOf("news-heading"));
        assertThat(page.indexOf("news-heading")).isLessThan(page.indexOf("next-events-heading"));
        assertThat(page.indexOf("next-events-heading")).isLessThan(page.indexOf("Die Reallabore"));
        assertThat(page.indexOf("Die Reallabore")).isLessThan(page.indexOf("Unternehmen in Bottrop finden"));
        // the English page: German intro marked as German
        mvc.perform(get("/").param("lang", "en")).andExpect(content().string(containsString("lang=\"de\"><p>Willkommen")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Startseite' AND action = 'CHANGED'",
                Integer.class)).isEqualTo(1);

        // the editor now shows staff's text; a second save with the old version is stale
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(containsString("Willkommen **im Portal**")));
        mvc.perform(startForm("intro", "Veraltet", "version", "0")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Jemand anders hat die Startseite inzwischen gespeichert"),
                        containsString("Veraltet"))));
        mvc.perform(startForm("intro", "Neu", "version", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(containsString("<p>Neu</p>")));
    }

    @Test
    void theHeadingTheReallaboreTextAndTheAboutTextAreEditedInBothLanguages() throws Exception {
        // nothing saved: the built-in text, on the page and in the editor
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h1>Stadtportal der Wirtschaftsförderung Bottrop</h1>"),
                containsString("<p>In drei Reallaboren erprobt die Wirtschaftsförderung"), containsString("<h2>Über dieses Portal</h2>"),
                containsString("<p>Betreiberin des Portals ist die Stadt Bottrop."))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<p>In three real-world labs (Reallabore)"),
                containsString("<h2>About this portal</h2>"), containsString("<p>The portal is run by the City of Bottrop."),
                not(containsString("lang=\"de\"><p>In drei Reallaboren")))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("name=\"heading\""), containsString("name=\"aboutHeadingEn\""),
                containsString("In drei Reallaboren erprobt die Wirtschaftsf"), containsString("In three real-world labs (Reallabore)"),
                containsString("Betreiberin des Portals ist die Stadt Bottrop."), containsString("The portal is run by the City of Bottrop."))));

        mvc.perform(startForm("heading", "Wirtschaft in Bottrop", "headingEn", "Business in Bottrop",
                "reallabore", "Drei **Reallabore** <script>alert(2)</script>", "aboutHeading", "Zum Portal",
                "about", "Die Stadt *betreibt* es.", "aboutEn", "Run by the *city*.")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h1>Wirtschaft in Bottrop</h1>"),
                containsString("<p>Drei <strong>Reallabore</strong> &lt;script&gt;"), containsString("<h2>Zum Portal</h2>"),
                containsString("<p>Die Stadt <em>betreibt</em> es.</p>"), not(containsString("<script>alert")),
                not(containsString("In drei Reallaboren erprobt")), not(containsString("Über dieses Portal")))));
        // English where staff wrote it, else the German text marked as German
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h1>Business in Bottrop</h1>"),
                containsString("lang=\"de\"><p>Drei <strong>Reallabore</strong>"), containsString("<h2 lang=\"de\">Zum Portal</h2>"),
                containsString("<p>Run by the <em>city</em>.</p>"), not(containsString("In three real-world labs")),
                not(containsString("About this portal")))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(allOf(containsString("value=\"Wirtschaft in Bottrop\""),
                containsString("Die Stadt *betreibt* es."), not(containsString("In drei Reallaboren erprobt")))));

        // a second save, then the first one restored: its texts come back
        mvc.perform(startForm("heading", "Zweite Überschrift", "reallabore", "Zweiter Reallabore-Text", "aboutHeading", "Zweites Über",
                "about", "Zweiter Text", "version", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("Zweite Überschrift"), containsString("Zweiter Text"))));
        mvc.perform(post("/admin/startseite/versionen/2/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h1>Wirtschaft in Bottrop</h1>"),
                containsString("<p>Drei <strong>Reallabore</strong>"), containsString("<h2>Zum Portal</h2>"),
                not(containsString("Zweite Überschrift")), not(containsString("Zweiter Reallabore-Text")), not(containsString("Zweiter Text")))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h1>Business in Bottrop</h1>"),
                containsString("<p>Run by the <em>city</em>.</p>"))));
        // and the built-in page, version 1, brings the bundle's text back in both languages
        mvc.perform(post("/admin/startseite/versionen/1/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h1>Stadtportal der Wirtschaftsförderung Bottrop</h1>"),
                containsString("<h2>Über dieses Portal</h2>"), not(containsString("Wirtschaft in Bottrop")))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h2>About this portal</h2>"),
                containsString("<p>In three real-world labs (Reallabore)"))));
    }

    @Test
    void aStartPageSavedBeforeItsTextsWereEditableShowsTheBuiltInOnes() throws Exception {
        jdbc.update("""
                INSERT INTO start_page (id, intro, intro_html, sections, version, updated_at)
                VALUES (1, 'Alte Einleitung', '<p>Alte Einleitung</p>', '{DIRECTORY,HIGHLIGHTS,NEWS,EVENTS,REALLABORE}', 3, now())""");
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<p>Alte Einleitung</p>"),
                containsString("<h1>Stadtportal der Wirtschaftsförderung Bottrop</h1>"), containsString("<h2>Über dieses Portal</h2>"))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h2>About this portal</h2>"),
                containsString("<p>The portal is run by the City of Bottrop."), containsString("<h2>Find businesses in Bottrop</h2>"),
                containsString("<h2 id=\"news-heading\">News</h2>"))));
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h2>Unternehmen in Bottrop finden</h2>"),
                containsString("<title>Startseite – "))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(allOf(containsString("Alte Einleitung"),
                containsString("The portal is run by the City of Bottrop."))));
    }

    @Test
    void badStartPageTextsComeBackNextToTheirFieldInGerman() throws Exception {
        for (String field : java.util.List.of("heading", "headingEn", "aboutHeading", "aboutHeadingEn")) {
            String id = "id=\"" + field + "-error\"";
            mvc.perform(startForm(field, "x".repeat(5000))).andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString(id + ">Dieser Text ist zu lang."))));
            mvc.perform(startForm(field, "Mit\tTabulator")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(id + ">Bitte schreiben Sie diese Angabe in eine Zeile, ohne Zeilenumbruch und ohne Tabulator.")));
            mvc.perform(startForm(field, "Zwei\nZeilen")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(id + ">Bitte schreiben Sie diese Angabe in eine Zeile")));
        }
        for (String field : java.util.List.of("reallabore", "reallaboreEn", "about", "aboutEn")) {
            mvc.perform(startForm(field, "x".repeat(5001))).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">Dieser Text ist zu lang.")));
        }
        for (String field : java.util.List.of("heading", "reallabore", "aboutHeading", "about")) {
            mvc.perform(startForm(field, " ")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + field + "-error\">")));
        }
        // a paragraph may have lines
        mvc.perform(startForm("about", "Erste Zeile\n\nZweiter Absatz")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<p>Erste Zeile</p>"), containsString("<p>Zweiter Absatz</p>"))));
    }

    @Test
    void theSectionHeadingsTheirLinksTheSearchLabelAndThePageTitleAreEditedInBothLanguages() throws Exception {
        // nothing saved: the bundle's text in both languages, on the page and in the editor
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<title>Startseite – "),
                containsString("<h2>Unternehmen in Bottrop finden</h2>"),
                containsString("<label for=\"q\">Suchbegriff (zum Beispiel Bäckerei, Fahrrad oder ein Name)</label>"),
                containsString("<h2 id=\"news-heading\">Aktuelles</h2>"), containsString(">Alle Nachrichten</a>"),
                containsString("<h2 id=\"next-events-heading\">Nächste Termine</h2>"),
                containsString(">Alle Veranstaltungen und der Veranstaltungskalender</a>"), containsString("<h2>Die Reallabore</h2>"),
                containsString(">Übersicht aller Reallabore mit Maßnahmen, Megatrends und Nachhaltigkeitszielen</a>"))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<title>Home – "),
                containsString("<h2>Find businesses in Bottrop</h2>"), containsString("<label for=\"q\">Search term (for example"),
                containsString("<h2 id=\"news-heading\">News</h2>"), containsString(">All news</a>"),
                containsString("<h2 id=\"next-events-heading\">Next dates</h2>"), containsString(">All events and the events calendar</a>"),
                containsString("<h2>The real-world labs</h2>"), containsString(">Overview of all labs with measures"))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("value=\"Unternehmen in Bottrop finden\""), containsString("value=\"Find businesses in Bottrop\""),
                containsString("value=\"Alle Veranstaltungen und der Veranstaltungskalender\""), containsString("value=\"In focus\""),
                containsString("name=\"pageTitleEn\""), containsString("name=\"reallaboreAllEn\""), containsString("<legend"))));

        mvc.perform(startForm("pageTitle", "Wirtschaft Bottrop", "pageTitleEn", "Business Bottrop",
                "directoryHeading", "Betriebe finden", "directoryHeadingEn", "Find a business", "searchLabel", "Was suchen Sie?",
                "highlightsHeading", "Gerade wichtig", "highlightsHeadingEn", "Right now", "newsHeading", "Neuigkeiten",
                "newsAll", "Alle Neuigkeiten", "newsAllEn", "All updates", "eventsHeading", "Termine", "eventsAll", "Zum Kalender",
                "reallaboreHeading", "Unsere Reallabore", "reallaboreHeadingEn", "Our labs",
                "reallaboreAll", "Alle Reallabore <b>ansehen</b>")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<title>Wirtschaft Bottrop – "),
                containsString("<h2>Betriebe finden</h2>"), containsString("<label for=\"q\">Was suchen Sie?</label>"),
                containsString("<h2 id=\"highlights-heading\">Gerade wichtig</h2>"), containsString("<h2 id=\"news-heading\">Neuigkeiten</h2>"),
                containsString(">Alle Neuigkeiten</a>"), containsString("<h2 id=\"next-events-heading\">Termine</h2>"),
                containsString(">Zum Kalender</a>"), containsString("<h2>Unsere Reallabore</h2>"),
                containsString(">Alle Reallabore &lt;b&gt;ansehen&lt;/b&gt;</a>"), not(containsString("<b>ansehen")),
                not(containsString("Unternehmen in Bottrop finden")), not(containsString("Im Blick")), not(containsString("Alle Nachrichten")),
                not(containsString("Nächste Termine")), not(containsString("Die Reallabore")), not(containsString("Übersicht aller Reallabore")))));
        // English where staff wrote it, else the German text marked as German
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<title>Business Bottrop – "),
                containsString("<h2>Find a business</h2>"), containsString("<label for=\"q\" lang=\"de\">Was suchen Sie?</label>"),
                containsString("<h2 id=\"highlights-heading\">Right now</h2>"),
                containsString("<h2 id=\"news-heading\" lang=\"de\">Neuigkeiten</h2>"), containsString(">All updates</a>"),
                containsString("<h2 id=\"next-events-heading\" lang=\"de\">Termine</h2>"), containsString(" lang=\"de\">Zum Kalender</a>"),
                containsString("<h2>Our labs</h2>"), containsString(" lang=\"de\">Alle Reallabore &lt;b&gt;ansehen&lt;/b&gt;</a>"),
                not(containsString("Find businesses in Bottrop")), not(containsString("Search term")), not(containsString("All news")),
                not(containsString("Next dates")), not(containsString("The real-world labs")))));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(allOf(containsString("value=\"Betriebe finden\""),
                containsString("value=\"All updates\""), not(containsString("value=\"Unternehmen in Bottrop finden\"")))));

        // a second save, then the first one restored: its lines come back
        mvc.perform(startForm("directoryHeading", "Zweite Suche", "newsHeading", "Zweite Nachrichten", "version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h2>Zweite Suche</h2>"),
                containsString("<h2 id=\"news-heading\">Zweite Nachrichten</h2>"))));
        mvc.perform(post("/admin/startseite/versionen/2/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h2>Betriebe finden</h2>"),
                containsString("<h2 id=\"news-heading\">Neuigkeiten</h2>"), containsString("<title>Wirtschaft Bottrop – "),
                not(containsString("Zweite Suche")), not(containsString("Zweite Nachrichten")))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h2>Our labs</h2>"), containsString(">All updates</a>"))));
        // and the built-in page, version 1, brings the bundle's lines back in both languages
        mvc.perform(post("/admin/startseite/versionen/1/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("<h2>Unternehmen in Bottrop finden</h2>"),
                containsString("<title>Startseite – "), not(containsString("Betriebe finden")))));
        mvc.perform(get("/en/")).andExpect(content().string(allOf(containsString("<h2>Find businesses in Bottrop</h2>"),
                containsString("<h2 id=\"news-heading\">News</h2>"), not(containsString("Our labs")))));
    }

    @Test
    void badSectionLinesComeBackNextToTheirFieldInGermanWithTheInputKept() throws Exception {
        for (String german : BUILT_IN_LINES.keySet()) {
            for (String field : java.util.List.of(german, german + "En")) {
                String id = "id=\"" + field + "-error\">";
                String tooLong = "x".repeat(5000);
                mvc.perform(startForm(field, tooLong)).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString(id + "Dieser Text ist zu lang."), containsString("value=\"" + tooLong + "\""))));
                mvc.perform(startForm(field, "Mit\tTabulator")).andExpect(status().isBadRequest())
                        .andExpect(content().string(containsString(id + "Bitte schreiben Sie diese Angabe in eine Zeile")));
                mvc.perform(startForm(field, "Zwei\nZeilen")).andExpect(status().isBadRequest())
                        .andExpect(content().string(containsString(id + "Bitte schreiben Sie diese Angabe in eine Zeile")));
            }
            mvc.perform(startForm(german, " ")).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"" + german + "-error\">Bitte füllen Sie dieses Feld aus.")));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page", Integer.class)).isZero();
    }

    @Test
    void thePreviewShowsTheCleanedIntroductionWithoutSavingIt() throws Exception {
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(containsString("name=\"vorschau\"")));
        mvc.perform(startForm("vorschau", "1", "introEn", "Welcome *to the portal*")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Vorschau"), containsString("Willkommen <strong>im Portal</strong> &lt;script&gt;"),
                containsString("Welcome <em>to the portal</em>"), containsString("Fairer Kaffee &lt;b&gt;jetzt&lt;/b&gt;"),
                not(containsString("<script>alert")), containsString("value=\"Fairer Kaffee &lt;b&gt;jetzt&lt;/b&gt;\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page", Integer.class)).isZero();
        mvc.perform(get("/")).andExpect(content().string(not(containsString("Willkommen <strong>im Portal</strong>"))));
    }

    @Test
    void badStartPageInputComesBackNextToItsField() throws Exception {
        mvc.perform(startForm("intro", "x".repeat(5001))).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"intro-error\""), containsString("Dieser Text ist zu lang."))));
        mvc.perform(startForm("highlights[0].link", "javascript:alert(1)")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"highlights0.link-error\""), containsString("https://"),
                        containsString("Fairer Kaffee &lt;b&gt;jetzt&lt;/b&gt;"))));
        mvc.perform(startForm("highlights[0].text", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"highlights0.text-error\"")));
        mvc.perform(startForm("orderNews", "1")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"orderNews-error\""), containsString("nur einmal"))));
        mvc.perform(startForm("orderNews", "9")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"orderNews-error\"")));
        mvc.perform(startForm("highlights[6].title", "Siebte", "highlights[6].text", "x", "highlights[6].link", "/")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("höchstens 6")));
        mvc.perform(startForm("intro", "mit \u0007 Klingel")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page", Integer.class)).isZero();
    }

    @Test
    void theLegalEditorsOpenWithTheBuiltInTextAndTheirSavesShowOnThePages() throws Exception {
        mvc.perform(get("/admin/rechtliches").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/rechtliches/barrierefreiheit\"")));
        mvc.perform(get("/admin/rechtliches/impressum").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Die Stadt Bottrop ist eine Gebietsk"), containsString("texts[0].key"))));

        String form = mvc.perform(get("/admin/rechtliches/barrierefreiheit").with(STAFF)).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(">Erkl&auml;rung zur Barrierefreiheit</textarea>", "name=\"statementDate\"");
        MockHttpServletRequestBuilder save = post("/admin/rechtliches/barrierefreiheit").with(csrf()).with(STAFF)
                .param("version", "0").param("statementDate", "2026-12-01").param("reviewDate", "2026-12-02")
                .param("texts[0].key", "legal.accessibility.intro").param("texts[0].de", "Unsere Erklärung <script>alert(1)</script>")
                .param("texts[0].en", "")
                .param("texts[1].key", "legal.accessibility.status.text").param("texts[1].de", "Voll vereinbar.")
                .param("texts[1].en", "Fully compliant.");
        mvc.perform(save).andExpect(status().is3xxRedirection());
        mvc.perform(get("/barrierefreiheit")).andExpect(content().string(allOf(
                containsString("Unsere Erklärung &lt;script&gt;alert(1)&lt;/script&gt;"), containsString("Voll vereinbar."),
                containsString("<time datetime=\"2026-12-01\">1. Dezember 2026</time>"), containsString("2. Dezember 2026"),
                not(containsString("<script>alert")))));
        mvc.perform(get("/barrierefreiheit").param("lang", "en")).andExpect(content().string(allOf(
                containsString("lang=\"de\">Unsere Erklärung"), containsString("Fully compliant."))));
        // a section staff left alone keeps the built-in text, and only changed sections are stored
        assertThat(jdbc.queryForObject("SELECT count(*) FROM legal_text", Integer.class)).isEqualTo(2);
        mvc.perform(get("/admin/rechtliches/barrierefreiheit").with(STAFF)).andExpect(content().string(allOf(
                containsString("Voll vereinbar."), containsString("value=\"2026-12-01\""))));

        // stale, bad dates, too long, unknown sections: never a 500
        mvc.perform(post("/admin/rechtliches/barrierefreiheit").with(csrf()).with(STAFF).param("version", "0")
                        .param("texts[0].key", "legal.accessibility.intro").param("texts[0].de", "Zu spaet"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Zu spaet")));
        mvc.perform(post("/admin/rechtliches/barrierefreiheit").with(csrf()).with(STAFF).param("version", "1")
                        .param("statementDate", "2026-12-05").param("reviewDate", "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"reviewDate-error\"")));
        mvc.perform(post("/admin/rechtliches/barrierefreiheit").with(csrf()).with(STAFF).param("version", "1")
                        .param("statementDate", "2026-02-30"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"statementDate-error\"")));
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "0")
                        .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "x".repeat(5001)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Dieser Text ist zu lang.")));
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "0")
                        .param("texts[0].key", "legal.privacy.intro").param("texts[0].de", "falsche Seite"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Das Formular ist unvollständig")));
        mvc.perform(get("/admin/rechtliches/gibt-es-nicht").with(STAFF)).andExpect(status().isNotFound());

        // back to the built-in text and the configured dates
        mvc.perform(post("/admin/rechtliches/barrierefreiheit/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/barrierefreiheit")).andExpect(content().string(allOf(not(containsString("Voll vereinbar.")),
                containsString("Erklärung zur Barrierefreiheit"))));
    }

    @Test
    void theStartPageKeepsEveryVersionAndRestoresOneInOneClick() throws Exception {
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(containsString("href=\"/admin/startseite/versionen\"")));
        mvc.perform(startForm("intro", "Erste eigene Einleitung")).andExpect(status().is3xxRedirection());
        mvc.perform(startForm("intro", "Zweite Einleitung", "highlights[0].title", "Anderer Kasten", "version", "1"))
                .andExpect(status().is3xxRedirection());
        // version 1 is the built-in page, version 2 staff's first save
        mvc.perform(get("/admin/startseite/versionen").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Fassung 2, ersetzt am"), containsString("Fassung 1, ersetzt am"), containsString("redaktion@test.example"),
                containsString("Erste eigene Einleitung"), containsString("Das Stadtportal ist der erste digitale Anlaufpunkt"))));

        // a restore is a change of public data: the data version behind the page caches and ETags moves on
        long dataVersion = jdbc.queryForObject("SELECT version FROM data_version", Long.class);
        mvc.perform(post("/admin/startseite/versionen/2/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT version FROM data_version", Long.class)).isGreaterThan(dataVersion);
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("Erste eigene Einleitung"),
                containsString("Fairer Kaffee &lt;b&gt;jetzt&lt;/b&gt;"), not(containsString("Zweite Einleitung")),
                not(containsString("Anderer Kasten")))));
        // and the built-in page comes back the same way
        mvc.perform(post("/admin/startseite/versionen/1/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("Das Stadtportal ist der erste digitale Anlaufpunkt"),
                not(containsString("Erste eigene Einleitung")))));
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Startseite' ORDER BY id DESC LIMIT 2",
                String.class)).containsExactly("RESTORED", "RESTORED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM content_version WHERE kind = 'Startseite'", Integer.class)).isEqualTo(4);
        mvc.perform(post("/admin/startseite/versionen/99/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().isNotFound());
    }

    @Test
    void aSaveFromAFormOpenedBeforeAResetOrForAPageNeverSavedIsStale() throws Exception {
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "0")
                .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Unser Impressum")).andExpect(status().is3xxRedirection());
        // a colleague opened the form at version 1; meanwhile the page goes back to the built-in text
        mvc.perform(post("/admin/rechtliches/impressum/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "1")
                        .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Fassung von vorhin"))
                .andExpect(status().isConflict()).andExpect(content().string(allOf(
                        containsString("Fassung von vorhin"), containsString("inzwischen gespeichert"))));
        mvc.perform(get("/impressum")).andExpect(content().string(allOf(not(containsString("Unser Impressum")),
                not(containsString("Fassung von vorhin")))));

        // a version the page never had: stale as well, not a silent first save
        mvc.perform(post("/admin/rechtliches/datenschutz").with(csrf()).with(STAFF).param("version", "3")
                        .param("texts[0].key", "legal.privacy.intro").param("texts[0].de", "Erfundene Fassung"))
                .andExpect(status().isConflict());
        mvc.perform(startForm("intro", "Erfundene Einleitung", "version", "3")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Erfundene Einleitung")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM legal_text WHERE text_de = 'Erfundene Fassung'", Integer.class)).isZero();
    }

    @Test
    void aLegalPageKeepsEveryVersionAndRestoresOneInOneClick() throws Exception {
        mvc.perform(get("/admin/rechtliches/impressum").with(STAFF))
                .andExpect(content().string(containsString("href=\"/admin/rechtliches/impressum/versionen\"")));
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "0")
                .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Unser erstes Impressum").param("texts[0].en", "Our imprint"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/rechtliches/impressum").with(csrf()).with(STAFF).param("version", "1")
                .param("texts[0].key", "legal.imprint.intro").param("texts[0].de", "Das zweite Impressum").param("texts[0].en", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/impressum")).andExpect(content().string(containsString("Das zweite Impressum")));
        mvc.perform(get("/admin/rechtliches/impressum/versionen").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Fassung 2, ersetzt am"), containsString("Unser erstes Impressum"), containsString("redaktion@test.example"))));

        mvc.perform(post("/admin/rechtliches/impressum/versionen/2/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/impressum")).andExpect(content().string(allOf(containsString("Unser erstes Impressum"),
                not(containsString("Das zweite Impressum")))));
        mvc.perform(get("/en/impressum")).andExpect(content().string(containsString("Our imprint")));
        assertThat(jdbc.queryForObject("SELECT action FROM audit_entry WHERE entity_type = 'Rechtliche Seite' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("RESTORED");
        // a reset is kept as well: what staff wrote comes back after it
        mvc.perform(post("/admin/rechtliches/impressum/zuruecksetzen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/impressum")).andExpect(content().string(not(containsString("Unser erstes Impressum"))));
        mvc.perform(post("/admin/rechtliches/impressum/versionen/4/wiederherstellen").with(csrf()).with(STAFF))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/impressum")).andExpect(content().string(containsString("Unser erstes Impressum")));
        mvc.perform(post("/admin/rechtliches/impressum/versionen/99/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/rechtliches/gibt-es-nicht/versionen").with(STAFF)).andExpect(status().isNotFound());
    }
}
