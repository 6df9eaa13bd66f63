package de.stadtportal.skilledworkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The network Fachkräftesicherung: a business joins with consent for its own listing, is named, leaves, staff remove. */
@PortalTest
class NetworkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String owner;
    String stranger;
    String slug;
    String name;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        owner = accounts.create("BUSINESS", "ein langes Test-Passwort 42");
        stranger = accounts.create("BUSINESS", "ein langes Test-Passwort 42");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        slug = "test-netzwerk-" + tag;
        name = "Netzwerkbetrieb " + tag;
        TestListings.publishedOwnedBy(jdbc, owner, slug, name);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_id = ?", slug);
        jdbc.update("DELETE FROM skilled_network_member WHERE business_slug = ?", slug);
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        accounts.deleteAll();
    }

    @Test
    void withoutConsentNothingIsStoredAndTheMessageStandsNextToTheBox() throws Exception {
        mvc.perform(post("/konto/fachkraefte/netzwerk").with(csrf()).with(user(owner).roles("BUSINESS")).param("businessSlug", slug))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"consent-error-" + slug + "\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM skilled_network_member WHERE business_slug = ?", Long.class, slug)).isZero();
    }

    @Test
    void anOwnerJoinsIsNamedPubliclyAndLeavesAgain() throws Exception {
        mvc.perform(get("/fachkraefte")).andExpect(content().string(not(containsString(name))));
        mvc.perform(post("/konto/fachkraefte/netzwerk").with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("businessSlug", slug).param("consent", "true")).andExpect(status().isFound());

        mvc.perform(get("/fachkraefte")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/unternehmen/" + slug + "\"")));
        assertThat(jdbc.queryForObject("SELECT consent_text FROM skilled_network_member WHERE business_slug = ?", String.class, slug))
                .contains(name).contains("einverstanden");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'JOINED'", Long.class, slug))
                .isEqualTo(1);

        // a stranger can neither leave for the owner nor join with someone else's listing
        mvc.perform(post("/konto/fachkraefte/netzwerk/austreten").with(csrf()).with(user(stranger).roles("BUSINESS"))
                .param("businessSlug", slug)).andExpect(status().isNotFound());
        mvc.perform(post("/konto/fachkraefte/netzwerk").with(csrf()).with(user(stranger).roles("BUSINESS"))
                .param("businessSlug", slug).param("consent", "true")).andExpect(status().isNotFound());

        mvc.perform(post("/konto/fachkraefte/netzwerk/austreten").with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("businessSlug", slug)).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM skilled_network_member WHERE business_slug = ?", Long.class, slug)).isZero();
        mvc.perform(get("/fachkraefte")).andExpect(content().string(not(containsString(name))));
    }

    @Test
    void staffRemoveAMember() throws Exception {
        mvc.perform(post("/konto/fachkraefte/netzwerk").with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("businessSlug", slug).param("consent", "true")).andExpect(status().isFound());
        mvc.perform(get("/admin/fachkraefte/netzwerk").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        mvc.perform(post("/admin/fachkraefte/netzwerk/" + slug + "/entfernen").with(csrf())
                .with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isFound());
        mvc.perform(post("/admin/fachkraefte/netzwerk/" + slug + "/entfernen").with(csrf())
                .with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/fachkraefte")).andExpect(content().string(not(containsString(name))));
    }
}
