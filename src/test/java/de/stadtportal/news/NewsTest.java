package de.stadtportal.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.search.SearchApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** News: staff write, preview, schedule, change and delete; visitors read the list, one item, the feed, the search and the section pages. */
@PortalTest
class NewsTest {

    static final String BASE = "/admin/aktuelles";
    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchApi search;

    String title;

    @BeforeEach
    void setUp() {
        title = "Testnachricht " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        List<String> ids = jdbc.queryForList("SELECT id::text FROM news WHERE title LIKE ?", String.class, title + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM content_version WHERE kind = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM news WHERE title LIKE ?", title + "%");
        search.refresh();
    }

    private static String in(long minutes) {
        return LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The form with valid values, published a minute ago; pairs of name and value replace single fields. */
    private MockHttpServletRequestBuilder form(String path, String... overrides) {
        String at = in(-1);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("titleEn", "");
        fields.put("teaser", "Kurz & knapp <script>alert(1)</script>");
        fields.put("teaserEn", "");
        fields.put("body", "## Zwischentitel\n\nMit <script>alert(2)</script> und [Link](javascript:alert(3)) und **fett**.");
        fields.put("bodyEn", "");
        fields.put("topics", "HANDWERK");
        fields.put("publishDate", at.substring(0, 10));
        fields.put("publishTime", at.substring(11, 16));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"));
        fields.forEach(request::param);
        return request;
    }

    private long id() {
        return jdbc.queryForObject("SELECT id FROM news WHERE title = ?", Long.class, title);
    }

    private String slug() {
        return jdbc.queryForObject("SELECT slug FROM news WHERE title = ?", String.class, title);
    }

    private long version() {
        return jdbc.queryForObject("SELECT version FROM news WHERE title = ?", Long.class, title);
    }

    @Test
    void staffWriteAnItemThatVisitorsReadCleanedOnEveryPageOfItsTopic() throws Exception {
        mvc.perform(get(BASE + "/neu").with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vorschau")));
        mvc.perform(form(BASE + "/neu")).andExpect(status().is3xxRedirection());
        long id = id();
        String slug = slug();
        assertThat(slug).startsWith("testnachricht-");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ? AND action = 'CREATED'",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        String page = mvc.perform(get("/aktuelles/" + slug)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h2>Zwischentitel</h2>", "<strong>fett</strong>", "Kurz &amp; knapp &lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;script&gt;alert(2)&lt;/script&gt;", "Handwerk");
        assertThat(page.toLowerCase()).doesNotContain("<script>alert", "href=\"javascript");

        // English page: no English text written, so the German one marked as German
        mvc.perform(get("/aktuelles/" + slug).param("lang", "en")).andExpect(content().string(allOf(
                containsString("<h1 lang=\"de\">" + title + "</h1>"), containsString("class=\"rich-text\" lang=\"de\""))));

        mvc.perform(get("/aktuelles")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/aktuelles").param("thema", "handwerk")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/aktuelles").param("thema", "fairtrade")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString("Aktuelles"), containsString(title),
                containsString("href=\"/aktuelles/" + slug + "\""))));
        mvc.perform(get("/handwerk")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/fairtrade")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/fachkraefte")).andExpect(content().string(not(containsString(title))));

        search.refresh();
        mvc.perform(get("/suche").param("q", title)).andExpect(content().string(allOf(containsString("Nachrichten"),
                containsString("/aktuelles/" + slug))));

        // English written later: the English page shows it without a lang mark
        mvc.perform(form(BASE + "/" + id, "titleEn", title + " in English", "bodyEn", "Plain *English*.",
                "topics", "FACHKRAEFTE", "version", String.valueOf(version()))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/aktuelles/" + slug).param("lang", "en")).andExpect(content().string(allOf(
                containsString("<h1>" + title + " in English</h1>"), containsString("<em>English</em>"))));
        mvc.perform(get("/fachkraefte")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/handwerk")).andExpect(content().string(not(containsString(title))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ? AND action = 'CHANGED'",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        mvc.perform(post(BASE + "/" + id + "/loeschen").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/aktuelles/" + slug)).andExpect(status().isNotFound());
        mvc.perform(get("/suche").param("q", title)).andExpect(content().string(not(containsString("/aktuelles/" + slug))));
    }

    @Test
    void aScheduledItemAppearsOnlyOnceItsTimeHasCome() throws Exception {
        mvc.perform(form(BASE + "/neu", "publishDate", in(60 * 24).substring(0, 10), "publishTime", in(60 * 24).substring(11, 16)))
                .andExpect(status().is3xxRedirection());
        String slug = slug();
        mvc.perform(get("/aktuelles/" + slug)).andExpect(status().isNotFound());
        mvc.perform(get("/aktuelles")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/aktuelles.atom")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get(BASE).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString(title), containsString("geplant, noch nicht sichtbar"))));

        // its time comes
        jdbc.update("UPDATE news SET publish_at = now() - INTERVAL '1 second' WHERE slug = ?", slug);
        mvc.perform(get("/aktuelles/" + slug)).andExpect(status().isOk());
        mvc.perform(get("/aktuelles")).andExpect(content().string(containsString(title)));
    }

    @Test
    void thePreviewShowsTheCleanedItemWithoutSavingIt() throws Exception {
        String page = mvc.perform(form(BASE + "/neu", "vorschau", "1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vorschau", "<h2>Zwischentitel</h2>", "Nach dem Speichern ist die Nachricht sofort öffentlich",
                "value=\"" + title + "\"");
        assertThat(page.toLowerCase()).doesNotContain("<script>alert", "href=\"javascript");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM news WHERE title = ?", Integer.class, title)).isZero();
    }

    @Test
    void theAtomFeedIsWellFormedAtomWithEverythingEscaped() throws Exception {
        mvc.perform(form(BASE + "/neu", "title", title + " <b>&</b> \"fett\"")).andExpect(status().is3xxRedirection());
        String atom = mvc.perform(get("/aktuelles.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
        }
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isPositive();
        Element ours = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(children(entry, required)).as("entry/" + required).isNotEmpty();
            }
            assertThat(children(entry, "updated").get(0).getTextContent())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
            if (children(entry, "title").get(0).getTextContent().equals(title + " <b>&</b> \"fett\"")) {
                ours = entry;
            }
        }
        assertThat(ours).as("the new item, its title as plain text").isNotNull();
        Element content = children(ours, "content").get(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent()).contains("<h2>Zwischentitel</h2>").doesNotContain("<script>");
        assertThat(children(ours, "category").get(0).getAttribute("term")).isEqualTo("handwerk");
        assertThat(atom).doesNotContain("<b>&</b>");
    }

    @Test
    void everySaveKeepsTheVersionBeforeItWhichStaffRestoreInOneClick() throws Exception {
        var staff = TestAccounts.staff("redaktion@test.example", "EDITOR");
        mvc.perform(form(BASE + "/neu", "teaser", "Erste Fassung")).andExpect(status().is3xxRedirection());
        long id = id();
        String slug = slug();
        mvc.perform(get(BASE + "/" + id).with(staff)).andExpect(content().string(containsString("href=\"/admin/aktuelles/" + id + "/versionen\"")));
        mvc.perform(get(BASE + "/" + id + "/versionen").with(staff)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Es gibt noch keine früheren Fassungen.")));

        mvc.perform(form(BASE + "/" + id, "teaser", "Zweite Fassung", "topics", "FAIRTRADE", "version", String.valueOf(version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/aktuelles/" + slug)).andExpect(content().string(containsString("Zweite Fassung")));
        // who replaced which text when
        mvc.perform(get(BASE + "/" + id + "/versionen").with(staff)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Fassung 1, ersetzt am"), containsString("redaktion@test.example"), containsString("Erste Fassung"),
                containsString("action=\"/admin/aktuelles/" + id + "/versionen/1/wiederherstellen\""))));

        mvc.perform(post(BASE + "/" + id + "/versionen/1/wiederherstellen").with(csrf()).with(staff))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(BASE + "/" + id));
        mvc.perform(get("/aktuelles/" + slug)).andExpect(content().string(allOf(containsString("Erste Fassung"),
                not(containsString("Zweite Fassung")))));
        assertThat(jdbc.queryForObject("SELECT topics::text FROM news WHERE id = ?", String.class, id)).isEqualTo("{HANDWERK}");
        // the restore itself is a change: audited, and the replaced version kept in turn
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ? ORDER BY id DESC LIMIT 2",
                String.class, String.valueOf(id))).containsExactly("RESTORED", "CHANGED");
        mvc.perform(get(BASE + "/" + id + "/versionen").with(staff)).andExpect(content().string(allOf(
                containsString("Fassung 2, ersetzt am"), containsString("Zweite Fassung"))));
        mvc.perform(post(BASE + "/" + id + "/versionen/99/wiederherstellen").with(csrf()).with(staff)).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/999999999/versionen").with(staff)).andExpect(status().isNotFound());
    }

    @Test
    void badInputComesBackNextToItsFieldNeverAs500() throws Exception {
        mvc.perform(form(BASE + "/neu", "title", "x".repeat(5000))).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("Dieser Text ist zu lang."),
                        containsString("Zwischentitel"))));
        mvc.perform(form(BASE + "/neu", "body", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"body-error\""), containsString("Bitte füllen Sie dieses Feld aus."),
                        containsString("value=\"" + title + "\""))));
        mvc.perform(form(BASE + "/neu", "publishDate", "2026-02-31")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"publishDate-error\""), containsString("gültiges Datum"))));
        mvc.perform(form(BASE + "/neu", "publishTime", "25:99")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"publishTime-error\"")));
        mvc.perform(form(BASE + "/neu", "topics", "GIBT_ES_NICHT")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"topics-error\"")));
        mvc.perform(form(BASE + "/neu", "title", "Zeile\neins")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"title-error\"")));
        // control characters are refused at the edge
        mvc.perform(form(BASE + "/neu", "teaser", "mit \u0007 Klingel")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM news WHERE title LIKE ?", Integer.class, title + "%")).isZero();

        // a stale save: 409, the input kept
        mvc.perform(form(BASE + "/neu")).andExpect(status().is3xxRedirection());
        long id = id();
        long stale = version();
        mvc.perform(form(BASE + "/" + id, "teaser", "Erste Änderung", "version", String.valueOf(stale))).andExpect(status().is3xxRedirection());
        mvc.perform(form(BASE + "/" + id, "teaser", "Zweite Fassung", "version", String.valueOf(stale))).andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Jemand anders hat diese Nachricht inzwischen gespeichert"),
                        containsString("Zweite Fassung"))));
        assertThat(jdbc.queryForObject("SELECT teaser FROM news WHERE id = ?", String.class, id)).isEqualTo("Erste Änderung");

        mvc.perform(get("/aktuelles").param("thema", "<script>")).andExpect(status().isBadRequest());
        mvc.perform(get("/aktuelles").param("seite", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/aktuelles").param("seite", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/aktuelles").param("seite", "9999")).andExpect(status().isNotFound());
        mvc.perform(get("/aktuelles/gibt-es-nicht")).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/999999999").with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isNotFound());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
