package de.stadtportal.handwerk;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** "Gesichter des Handwerks": staff write portraits, /handwerk shows the published ones, escaped, linked to live listings. */
@PortalTest
class PortraitsTest {

    static final String BASE = "/admin/handwerk/portraets";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    String name;
    String slug;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        name = "Zimmerei Test " + tag;
        slug = "test-zimmerei-" + tag;
    }

    @AfterEach
    void cleanUp() {
        List<String> ids = jdbc.queryForList("SELECT id::text FROM craft_portrait WHERE name LIKE ?", String.class, name + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Handwerksporträt' AND (entity_id = ANY (?::text[]) "
                + "OR changes::text LIKE ?)", ids.toArray(String[]::new), "%" + name + "%");
        jdbc.update("DELETE FROM craft_portrait WHERE name LIKE ?", name + "%");
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
    }

    private void business(String status) {
        jdbc.update("INSERT INTO business (slug, name, category_id, street, postal_code, status, last_confirmed_at) VALUES "
                + "(?, 'Zimmerei Testbetrieb', (SELECT id FROM category WHERE slug = 'handwerk'), 'Hochstraße 2', '46236', ?, now())",
                slug, status);
    }

    /** The form with valid values; pairs of name and value replace single fields. */
    private MockHttpServletRequestBuilder form(String path, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("trade", "Zimmererhandwerk");
        fields.put("text", "Erster Absatz mit <script>alert(1)</script> & Co.\r\n\r\nZweiter Absatz\nmit Zeilenumbruch.");
        fields.put("directorySlug", slug);
        fields.put("position", "5");
        fields.put("published", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"));
        fields.forEach(request::param);
        return request;
    }

    private long id() {
        return jdbc.queryForObject("SELECT id FROM craft_portrait WHERE name = ?", Long.class, name);
    }

    @Test
    void staffCreateEditAndDeleteAPortraitThatHandwerkShowsEscapedAndLinked() throws Exception {
        business("PUBLISHED");
        mvc.perform(get(BASE + "/neu").with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isOk());
        mvc.perform(form(BASE + "/neu")).andExpect(status().is3xxRedirection());
        long id = id();
        assertThat(jdbc.queryForObject("SELECT text FROM craft_portrait WHERE id = ?", String.class, id))
                .isEqualTo("Erster Absatz mit <script>alert(1)</script> & Co.\n\nZweiter Absatz\nmit Zeilenumbruch.");
        mvc.perform(get(BASE).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString(name), containsString("Zimmererhandwerk"))));

        mvc.perform(get("/handwerk")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Gesichter des Handwerks"), containsString(name), containsString("Gewerk: Zimmererhandwerk"),
                containsString("<p>Erster Absatz mit &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co.</p>"),
                containsString("<p>Zweiter Absatz\nmit Zeilenumbruch.</p>"), not(containsString("<script>alert(1)")),
                containsString("href=\"/unternehmen/" + slug + "\""), containsString("Zum Eintrag im Unternehmensverzeichnis"))));
        mvc.perform(get("/handwerk").param("lang", "en")).andExpect(content().string(allOf(
                containsString("Faces of the crafts"), containsString("To the entry in the business directory"))));

        // the listing is archived later: the portrait stays, the link goes
        jdbc.update("UPDATE business SET status = 'ARCHIVED' WHERE slug = ?", slug);
        mvc.perform(get("/handwerk")).andExpect(content().string(allOf(containsString(name),
                not(containsString("href=\"/unternehmen/" + slug + "\"")))));

        // saving it again now refuses the archived listing, next to the field
        mvc.perform(form(BASE + "/" + id, "trade", "Zimmerei")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"directorySlug-error\""),
                        containsString("keinen veröffentlichten Eintrag mit diesem Kurznamen"))));
        mvc.perform(form(BASE + "/" + id, "trade", "Zimmerei", "directorySlug", "", "published", "false"))
                .andExpect(redirectedUrl(BASE + "/" + id));
        assertThat(jdbc.queryForMap("SELECT trade, directory_slug, published FROM craft_portrait WHERE id = ?", id))
                .containsEntry("trade", "Zimmerei").containsEntry("directory_slug", null).containsEntry("published", false);
        mvc.perform(get("/handwerk")).andExpect(content().string(not(containsString(name))));
        mvc.perform(get(BASE + "/" + id).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Zimmerei")));

        mvc.perform(post(BASE + "/" + id + "/loeschen").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(redirectedUrl(BASE));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM craft_portrait WHERE id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Handwerksporträt' AND entity_id = ? "
                + "ORDER BY id", String.class, String.valueOf(id))).containsExactly("CREATED", "CHANGED", "DELETED");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE entity_type = 'Handwerksporträt' AND entity_id = ? "
                + "AND action = 'DELETED'", String.class, String.valueOf(id))).isEqualTo("redaktion@test.example");
    }

    @Test
    void badInputComesBackWithGermanMessagesNextToTheFields() throws Exception {
        business("PENDING");
        mvc.perform(form(BASE + "/neu")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                containsString("id=\"directorySlug-error\""), containsString("keinen veröffentlichten Eintrag"))));
        mvc.perform(form(BASE + "/neu", "directorySlug", "gibt-es-nicht-" + slug)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("keinen veröffentlichten Eintrag")));
        mvc.perform(form(BASE + "/neu", "directorySlug", "Groß Buchstaben")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("nur mit Kleinbuchstaben, Ziffern und Bindestrichen")));
        mvc.perform(form(BASE + "/neu", "directorySlug", "", "text", "ä".repeat(1501))).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"text-error\""),
                        containsString("Der Text ist zu lang: höchstens 1.500 Zeichen, jetzt 1.501."))));
        mvc.perform(form(BASE + "/neu", "directorySlug", "", "name", "", "trade", "x".repeat(121), "position", "-1", "text", " "))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"name-error\""),
                        containsString("Bitte füllen Sie dieses Feld aus."), containsString("Dieser Text ist zu lang."),
                        containsString("ganze Zahl von 0 bis 9999"), containsString("id=\"text-error\""))));
        mvc.perform(form(BASE + "/neu", "directorySlug", "", "published", "vielleicht")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"published-error\""),
                        containsString("Dieser Wert ist nicht gültig."))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM craft_portrait WHERE name LIKE ?", Integer.class, name + "%")).isZero();

        // exactly 1500 characters are fine, line breaks counted once; the same name and Gewerk only once
        mvc.perform(form(BASE + "/neu", "directorySlug", "", "text", "a".repeat(749) + "\r\n" + "b".repeat(750)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(BASE + "/neu", "directorySlug", "")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ein Porträt mit diesem Namen und diesem Gewerk gibt es schon.")));
    }

    @Test
    void unknownPortraitsAreNotFound() throws Exception {
        mvc.perform(get(BASE + "/999999999").with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isNotFound());
        mvc.perform(form(BASE + "/999999999")).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/999999999/loeschen").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/abc").with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().is4xxClientError());
    }

    @Test
    void theDemoPortraitsAreMarkedAsExamplesAndOneLinksToItsDemoBusiness() throws Exception {
        mvc.perform(get("/handwerk")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Tischlerei Wessels (Beispiel)"), containsString("Beispielporträt, fiktiv"),
                containsString("href=\"/unternehmen/tischlerei-wessels\""))));
        assertThat(jdbc.queryForObject("SELECT bool_and(example AND name LIKE '%(Beispiel)') FROM craft_portrait WHERE example",
                Boolean.class)).isTrue();
    }

    @Test
    void theAccountOverviewLinksMyAppointments() throws Exception {
        TestAccounts accounts = new TestAccounts(jdbc, encoder);
        try {
            String business = accounts.create("BUSINESS", "Termine im Überblick 2026");
            mvc.perform(get("/konto").with(user(business).roles("BUSINESS"))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("href=\"/konto/termine\""),
                            containsString("Meine Termine beim Digitalisierungssprechtag"))));
            mvc.perform(get("/konto").param("lang", "en").with(user(business).roles("BUSINESS")))
                    .andExpect(content().string(containsString("My appointments")));
        } finally {
            accounts.deleteAll();
        }
    }
}
