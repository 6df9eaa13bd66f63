package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.DirectoryApi.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A business lists itself in one form; staff publish or reject it; the owner is told and sees the status. */
@PortalTest
class JoinAndModerationTest {

    static final String PASSWORD = "Bernepark und Haldenzeichen";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryApi directory;

    TestAccounts accounts;
    String name;
    String email;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        String id = UUID.randomUUID().toString().substring(0, 8);
        name = "Rösterei Zechenkaffee " + id;
        email = "roesterei-" + id + "@test.example";
        accounts.track(email);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN "
                + "(SELECT id::text FROM business WHERE name = ?)", name);
        jdbc.update("DELETE FROM business WHERE name = ?", name);
        accounts.deleteAll();
    }

    @Test
    void businessListsItselfStaffPublishAndTheOwnerIsToldAndSeesTheStatus() throws Exception {
        mvc.perform(join()).andExpect(redirectedUrl("/mitmachen/danke"));
        assertThat(jdbc.queryForObject("SELECT status FROM business WHERE name = ?", String.class, name)).isEqualTo("PENDING");
        assertThat(mail("Bitte bestätigen")).contains("/konto/bestaetigen?token=");
        assertThat(found()).isFalse();

        mvc.perform(get("/konto/eintraege").with(user(email).roles("BUSINESS")))
                .andExpect(content().string(allOf(containsString(name), containsString("wird von der Wirtschaftsförderung geprüft"))));
        mvc.perform(get("/admin/unternehmen").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString(name), containsString(email))));

        long id = jdbc.queryForObject("SELECT id FROM business WHERE name = ?", Long.class, name);
        mvc.perform(post("/admin/unternehmen/{id}/freigeben", id).with(csrf()).with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                .andExpect(flash().attribute("success", "directory.moderation.approved"));
        assertThat(found()).isTrue();
        assertThat(mail("Ihr Eintrag im Stadtportal Bottrop ist online")).contains(name, "/unternehmen/");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ? "
                + "AND action = 'APPROVED' AND actor = 'redaktion@bottrop.example'", Integer.class, String.valueOf(id))).isEqualTo(1);

        // a second decision on the same listing is refused, not repeated
        mvc.perform(post("/admin/unternehmen/{id}/ablehnen", id).with(csrf()).with(TestAccounts.staff("r2@bottrop.example", "EDITOR"))
                        .param("reason", "zu spät"))
                .andExpect(flash().attribute("failure", "directory.moderation.alreadyDecided"));
    }

    @Test
    void rejectionNeedsAReasonWhichTheOwnerReceives() throws Exception {
        mvc.perform(join()).andExpect(redirectedUrl("/mitmachen/danke"));
        long id = jdbc.queryForObject("SELECT id FROM business WHERE name = ?", Long.class, name);
        mvc.perform(post("/admin/unternehmen/{id}/ablehnen", id).with(csrf()).with(TestAccounts.staff("r@bottrop.example", "EDITOR"))
                        .param("reason", " "))
                .andExpect(flash().attribute("failure", "directory.moderation.reasonMissing"));
        mvc.perform(post("/admin/unternehmen/{id}/ablehnen", id).with(csrf()).with(TestAccounts.staff("r@bottrop.example", "EDITOR"))
                        .param("reason", "Kein Sitz in Bottrop"))
                .andExpect(flash().attribute("success", "directory.moderation.rejected"));
        assertThat(mail("Ihr Eintrag im Stadtportal Bottrop")).contains("Kein Sitz in Bottrop");
        mvc.perform(get("/konto/eintraege").with(user(email).roles("BUSINESS")))
                .andExpect(content().string(allOf(containsString("abgelehnt"), containsString("Kein Sitz in Bottrop"))));
    }

    @Test
    void badInputShowsGermanMessagesAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "gibt-es-nicht")
                        .param("street", "Hochstraße 1").param("postalCode", "4623").param("email", email)
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Bitte wählen Sie eine Branche."),
                        containsString("Postleitzahl mit fünf Ziffern"),
                        // attribute values escape umlauts as entities (R&ouml;sterei)
                        containsString(name.substring(name.indexOf("Zechenkaffee")) + "\""),
                        containsString("value=\"Hochstra"))));
        // another town's postcode: refused with the town's own, the input kept
        mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "gastronomie")
                        .param("street", "Hochstraße 1").param("postalCode", "99999").param("email", email))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"postalCode-error\""),
                        containsString("Postleitzahl von 46236–46244"), containsString("value=\"99999\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE name = ?", Integer.class, name)).isZero();
    }

    /** Five fields, no password: the owner sets it on the page the confirmation mail links to, with a message when empty. */
    @Test
    void signUpAsksFiveFieldsAndThePasswordIsSetWhenConfirming() throws Exception {
        String form = mvc.perform(get("/mitmachen")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fields = form.substring(form.indexOf("action=\"/mitmachen\""), form.indexOf("</form>", form.indexOf("action=\"/mitmachen\"")));
        assertThat(java.util.regex.Pattern.compile("<(input|select|textarea)(?![^>]*type=\"hidden\")").matcher(fields).results().count())
                .isEqualTo(5);
        assertThat(fields).doesNotContain("type=\"password\"");

        mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "gastronomie")
                        .param("street", "Hochstraße 1").param("postalCode", "46244").param("email", email))
                .andExpect(redirectedUrl("/mitmachen/danke"));
        String body = mail("Bitte bestätigen");
        String link = body.substring(body.indexOf("/konto/bestaetigen?token="));
        link = link.substring(0, link.indexOf('\n')).strip();
        String token = link.substring(link.indexOf("token=") + 6);

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("action=\"/konto/bestaetigen\""),
                        containsString("type=\"password\""), not(containsString("name=\"passwordRepeat\"")),
                        containsString("data-show-password=\"Passwort anzeigen\""))));
        mvc.perform(post("/konto/bestaetigen").with(csrf()).param("token", token).param("password", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"password-error\""), containsString("Bitte geben Sie ein Passwort ein."))));
        mvc.perform(post("/konto/bestaetigen").with(csrf()).param("token", token).param("password", "kurz"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("mindestens 12 Zeichen")));
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account WHERE email = ?", Boolean.class, email)).isFalse();

        mvc.perform(post("/konto/bestaetigen").with(csrf()).param("token", token).param("password", PASSWORD))
                .andExpect(redirectedUrl("/konto/anmelden"));
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account WHERE email = ?", Boolean.class, email)).isTrue();
        assertThat(encoder.matches(PASSWORD, jdbc.queryForObject("SELECT password_hash FROM account WHERE email = ?", String.class, email)))
                .isTrue();
        // the link is used up
        mvc.perform(post("/konto/bestaetigen").with(csrf()).param("token", token).param("password", PASSWORD + "!"))
                .andExpect(status().is4xxClientError());
    }

    /** A sign-up whose owner has not confirmed the address waits apart from the ones ready for review. */
    @Test
    void unconfirmedSignUpsWaitApartInModeration() throws Exception {
        mvc.perform(join()).andExpect(redirectedUrl("/mitmachen/danke"));
        String page = mvc.perform(get("/admin/unternehmen").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("E-Mail noch nicht bestätigt")).isPositive().isLessThan(page.indexOf(name));

        jdbc.update("UPDATE account SET email_verified = TRUE WHERE email = ?", email);
        String after = mvc.perform(get("/admin/unternehmen").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                .andReturn().getResponse().getContentAsString();
        int unconfirmed = after.indexOf("E-Mail noch nicht bestätigt");
        assertThat(after.indexOf(name)).isPositive();
        assertThat(unconfirmed < 0 || unconfirmed > after.indexOf(name)).isTrue();
    }

    /** "Baeckerei …, Hochstr. 79" next to "Bäckerei …, Hochstraße 79a": staff see the possible duplicate. */
    @Test
    void theDuplicateHintSeesThroughSpellingsOfNameAndStreet() throws Exception {
        String tag = name.substring(name.length() - 8);
        String original = "Bäckerei Dublette " + tag;
        jdbc.update("INSERT INTO business (slug, name, category_id, street, postal_code, status, last_confirmed_at) VALUES "
                + "(?, ?, (SELECT id FROM category WHERE slug = 'gastronomie'), 'Hochstraße 79a', '46236', 'PUBLISHED', now())",
                "test-dublette-" + tag, original);
        try {
            mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "gastronomie")
                    .param("street", "Hochstr. 79").param("postalCode", "46236").param("email", email))
                    .andExpect(redirectedUrl("/mitmachen/danke"));
            jdbc.update("UPDATE business SET name = ? WHERE name = ?", "Baeckerei Dublette " + tag, name);
            name = "Baeckerei Dublette " + tag;
            mvc.perform(get("/admin/unternehmen").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                    .andExpect(content().string(allOf(containsString("Mögliches Duplikat"), containsString(original))));
            // a different shop in the same house is no duplicate
            jdbc.update("UPDATE business SET name = ? WHERE name = ?", "Schuhmacher Ostwind " + tag, name);
            name = "Schuhmacher Ostwind " + tag;
            mvc.perform(get("/admin/unternehmen").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                    .andExpect(content().string(not(containsString(original))));
        } finally {
            jdbc.update("DELETE FROM business WHERE slug = ?", "test-dublette-" + tag);
        }
    }

    @Test
    void aRegisteredAddressGetsNoSecondAccountAndNoListingButAMail() throws Exception {
        String existing = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "gastronomie")
                        .param("street", "Hochstraße 1").param("postalCode", "46236").param("email", existing)
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(redirectedUrl("/mitmachen/danke"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE name = ?", Integer.class, name)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?", Integer.class, existing)).isEqualTo(1);
    }

    @Test
    void ownerEditsTheListingAndTwoEditorsNeverSilentlyOverwriteEachOther() throws Exception {
        mvc.perform(join()).andExpect(redirectedUrl("/mitmachen/danke"));
        long id = jdbc.queryForObject("SELECT id FROM business WHERE name = ?", Long.class, name);
        long version = jdbc.queryForObject("SELECT version FROM business WHERE id = ?", Long.class, id);

        mvc.perform(get("/konto/eintraege/{id}", id).with(user(email).roles("BUSINESS")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"version\"")));
        mvc.perform(edit(id, version, "Frisch gerösteter Kaffee aus Bottrop", "https://zechenkaffee.example"))
                .andExpect(redirectedUrl("/konto/eintraege"));
        assertThat(jdbc.queryForObject("SELECT description FROM business WHERE id = ?", String.class, id))
                .isEqualTo("Frisch gerösteter Kaffee aus Bottrop");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ? "
                + "AND action = 'UPDATED' AND actor = ?", Integer.class, String.valueOf(id), email)).isEqualTo(1);

        // a second tab still holds the old version: 409, input kept, nothing overwritten
        mvc.perform(edit(id, version, "Alte Fassung aus dem zweiten Fenster", ""))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Jemand anderes hat diesen Eintrag gespeichert"),
                        containsString("Alte Fassung aus dem zweiten Fenster"))));
        assertThat(jdbc.queryForObject("SELECT description FROM business WHERE id = ?", String.class, id))
                .isEqualTo("Frisch gerösteter Kaffee aus Bottrop");

        mvc.perform(edit(id, version + 1, "x", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("beginnend mit https://")));
    }

    @Test
    void nobodyButTheOwnerCanOpenOrSaveAListing() throws Exception {
        mvc.perform(join()).andExpect(redirectedUrl("/mitmachen/danke"));
        long id = jdbc.queryForObject("SELECT id FROM business WHERE name = ?", Long.class, name);
        String stranger = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(get("/konto/eintraege/{id}", id).with(user(stranger).roles("BUSINESS"))).andExpect(status().isNotFound());
        mvc.perform(post("/konto/eintraege/{id}", id).with(csrf()).with(user(stranger).roles("BUSINESS"))
                        .param("name", "Übernommen").param("category", "gastronomie").param("street", "x 1")
                        .param("postalCode", "46236").param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT name FROM business WHERE id = ?", String.class, id)).isEqualTo(name);
    }

    private MockHttpServletRequestBuilder edit(long id, long version, String description, String website) {
        return post("/konto/eintraege/{id}", id).with(csrf()).with(user(email).roles("BUSINESS"))
                .param("name", name).param("category", "gastronomie").param("district", "boy")
                .param("description", description).param("tags", "Kaffee, Rösterei").param("street", "Gladbecker Straße 12")
                .param("postalCode", "46236").param("phone", "02041 12345").param("email", "").param("website", website)
                .param("acceptsVoucher", "true").param("version", String.valueOf(version));
    }

    private MockHttpServletRequestBuilder join() {
        return post("/mitmachen").with(csrf()).param("name", name).param("category", "gastronomie")
                .param("street", " Gladbecker Straße 12 ").param("postalCode", "46236").param("email", email)
                .param("password", PASSWORD).param("passwordRepeat", PASSWORD);
    }

    private boolean found() {
        return directory.search(new Search(name, null, null, List.of(), false, "relevanz", 0)).hits().stream()
                .anyMatch(hit -> hit.name().equals(name));
    }

    private String mail(String subject) {
        return jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1",
                String.class, email, subject + "%");
    }
}
