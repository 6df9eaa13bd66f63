package de.stadtportal.skilledworkers;

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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.skilledworkers.domain.OfferExpiry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Offers: a business posts for its own published listing, staff publish, the public filters, offers expire. */
@PortalTest
class OfferTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    OfferExpiry expiry;

    TestAccounts accounts;
    String owner;
    String stranger;
    String slug;
    String title;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        owner = accounts.create("BUSINESS", "ein langes Test-Passwort 42");
        stranger = accounts.create("BUSINESS", "ein langes Test-Passwort 42");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        slug = "test-malerei-" + tag;
        title = "Ausbildung Maler " + tag;
        TestListings.publishedOwnedBy(jdbc, owner, slug, "Malerei Testbetrieb");
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Fachkräfte-Angebot' AND entity_id IN "
                + "(SELECT id::text FROM skilled_offer WHERE business_slug = ?)", slug);
        jdbc.update("DELETE FROM skilled_offer WHERE business_slug = ?", slug);
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        accounts.deleteAll();
    }

    private MockHttpServletRequestBuilder offerForm(String path, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("businessSlug", slug);
        fields.put("title", title + " </script><script>alert(1)</script>");
        fields.put("kind", "APPRENTICESHIP");
        fields.put("trade", "Malerhandwerk");
        fields.put("germanLevel", "A2");
        fields.put("startsOn", "2027-08-01");
        fields.put("contact", "Frau Beispiel, 02041 000000");
        fields.put("description", "Wir bilden aus.\r\n\r\nSprachkurs während der Arbeitszeit.");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder builder = post(path).with(csrf()).with(user(owner).roles("BUSINESS"));
        fields.forEach(builder::param);
        return builder;
    }

    private long offerId() {
        return jdbc.queryForObject("SELECT id FROM skilled_offer WHERE business_slug = ?", Long.class, slug);
    }

    @Test
    void aBusinessPostsStaffPublishAndThePublicFindsItWithJsonLd() throws Exception {
        mvc.perform(offerForm("/konto/fachkraefte/angebote/neu")).andExpect(status().isFound());
        long id = offerId();
        mvc.perform(get("/fachkraefte/angebote/" + id)).andExpect(status().isNotFound());

        mvc.perform(post("/admin/fachkraefte/angebote/" + id + "/freigeben").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ? AND subject LIKE 'Ihr Angebot ist veröffentlicht%'",
                Long.class, owner)).isEqualTo(1);

        mvc.perform(get("/fachkraefte/angebote").param("art", "APPRENTICESHIP").param("gewerk", "Malerhandwerk").param("deutsch", "B1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(title)));
        // asks for A2: someone with A1 does not find it, someone with B1 does
        mvc.perform(get("/fachkraefte/angebote").param("deutsch", "A1")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/fachkraefte/angebote").param("art", "JOB")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/fachkraefte/angebote").param("art", "GIBTS_NICHT")).andExpect(status().isBadRequest());

        String page = mvc.perform(get("/fachkraefte/angebote/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String jsonLd = page.substring(page.indexOf("application/ld+json"));
        jsonLd = jsonLd.substring(0, jsonLd.indexOf("</script>"));
        assertThat(jsonLd).contains("\"@type\":\"JobPosting\"").contains("\"jobStartDate\":\"2027-08-01\"")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003e").doesNotContain("</script><script>alert");
        assertThat(page).contains("href=\"/unternehmen/" + slug + "\"").contains("&lt;/script&gt;");
    }

    @Test
    void badInputComesBackNextToTheFieldAndOnlyOwnListingsAndOffersCount() throws Exception {
        mvc.perform(offerForm("/konto/fachkraefte/angebote/neu", "businessSlug", "fremder-betrieb", "kind", "VOLLZEIT",
                        "germanLevel", "D1", "startsOn", "nächsten Monat", "trade", "", "description", "Mein Text bleibt"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"businessSlug-error\""), containsString("id=\"kind-error\""),
                        containsString("id=\"germanLevel-error\""), containsString("id=\"startsOn-error\""),
                        containsString("id=\"trade-error\""), containsString("Mein Text bleibt"),
                        containsString("value=\"n&auml;chsten Monat\""))));
        mvc.perform(offerForm("/konto/fachkraefte/angebote/neu")).andExpect(status().isFound());
        long id = offerId();
        mvc.perform(get("/konto/fachkraefte/angebote/" + id).with(user(stranger).roles("BUSINESS"))).andExpect(status().isNotFound());
        mvc.perform(post("/konto/fachkraefte/angebote/" + id + "/verlaengern").with(csrf()).with(user(stranger).roles("BUSINESS")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/konto/fachkraefte/angebote").with(user(stranger).roles("BUSINESS")))
                .andExpect(content().string(allOf(not(containsString(title)), containsString("veröffentlichten Eintrag"))));
        mvc.perform(offerForm("/konto/fachkraefte/angebote/" + id, "version", "0", "title", "Neuer Titel"))
                .andExpect(status().isFound());
        mvc.perform(offerForm("/konto/fachkraefte/angebote/" + id, "version", "0", "title", "Veralteter Titel"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Veralteter Titel")));
    }

    @Test
    void ownersAreRemindedBeforeAnOfferExpiresThenItLeavesTheListUntilRenewed() throws Exception {
        mvc.perform(offerForm("/konto/fachkraefte/angebote/neu")).andExpect(status().isFound());
        long id = offerId();
        LocalDate today = LocalDate.now(PlatformConfiguration.CITY_ZONE);
        jdbc.update("UPDATE skilled_offer SET status = 'PUBLISHED', expires_on = ? WHERE id = ?", today.plusDays(5), id);

        expiry.run();
        assertThat(jdbc.queryForList("SELECT subject FROM outbox_mail WHERE recipient = ?", String.class, owner))
                .anyMatch(subject -> subject.startsWith("Ihr Angebot läuft bald ab"));
        expiry.run();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ? AND subject LIKE 'Ihr Angebot läuft%'",
                Long.class, owner)).as("one reminder only").isEqualTo(1);

        jdbc.update("UPDATE skilled_offer SET expires_on = ? WHERE id = ?", today.minusDays(1), id);
        expiry.run();
        assertThat(jdbc.queryForObject("SELECT status FROM skilled_offer WHERE id = ?", String.class, id)).isEqualTo("EXPIRED");
        mvc.perform(get("/fachkraefte/angebote")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/fachkraefte/angebote/" + id)).andExpect(status().isNotFound());

        mvc.perform(post("/konto/fachkraefte/angebote/" + id + "/verlaengern").with(csrf()).with(user(owner).roles("BUSINESS")))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT expires_on FROM skilled_offer WHERE id = ?", LocalDate.class, id))
                .isEqualTo(today.plusDays(90));
        mvc.perform(get("/fachkraefte/angebote/" + id)).andExpect(status().isOk());
    }
}
