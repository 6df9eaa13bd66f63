package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class StaffAccountsTest {

    static final String PASSWORD = "Movie Park und Tetraeder";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String admin;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        admin = accounts.create("ADMIN", PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        accounts.deleteAll();
    }

    @Test
    void adminInvitesAnEditorWhoChoosesAPasswordAndLogsIn() throws Exception {
        String editor = "redaktion-" + UUID.randomUUID() + "@test.example";
        accounts.track(editor);
        mvc.perform(post("/admin/konten/einladen").with(csrf()).with(TestAccounts.staff(admin, "ADMIN"))
                        .param("email", editor).param("role", "EDITOR"))
                .andExpect(redirectedUrl("/admin/konten"))
                .andExpect(flash().attribute("success", "admin.staff.invited"));
        mvc.perform(get("/admin/konten").with(TestAccounts.staff(admin, "ADMIN")))
                .andExpect(content().string(containsString(editor)))
                .andExpect(content().string(containsString("eingeladen")));

        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ?", String.class, editor);
        Matcher link = Pattern.compile("(/konto/einladung)\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        mvc.perform(post(link.group(1)).with(csrf()).param("token", link.group(2))
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(redirectedUrl("/konto/anmelden"));
        // staff go on to their area, which asks for the second factor (SecondFactorTest)
        mvc.perform(post("/konto/anmelden").with(csrf()).param("username", editor).param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin"));

        String audit = jdbc.queryForObject("SELECT count(*)::text FROM audit_entry WHERE entity_type = 'Konto' AND actor = ?",
                String.class, admin);
        assertThat(Integer.parseInt(audit)).isPositive();
    }

    @Test
    void invitationWithABadAddressShowsTheErrorAndKeepsTheInput() throws Exception {
        mvc.perform(post("/admin/konten/einladen").with(csrf()).with(TestAccounts.staff(admin, "ADMIN"))
                        .param("email", "keine-adresse").param("role", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("gültige E-Mail-Adresse")))
                .andExpect(content().string(containsString("value=\"keine-adresse\"")));
        mvc.perform(post("/admin/konten/einladen").with(csrf()).with(TestAccounts.staff(admin, "ADMIN"))
                        .param("email", "a@test.example").param("role", "BUSINESS"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/konten/einladen").with(csrf()).with(TestAccounts.staff(admin, "ADMIN"))
                        .param("email", "a@test.example").param("role", "KAISER"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void adminCannotDeactivateOrDemoteThemselves() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", Long.class, admin);
        mvc.perform(post("/admin/konten/{id}/deaktivieren", id).with(csrf()).with(TestAccounts.staff(admin, "ADMIN")))
                .andExpect(flash().attribute("failure", "account.notSelf"));
        mvc.perform(post("/admin/konten/{id}/rollen", id).with(csrf()).with(TestAccounts.staff(admin, "ADMIN"))
                        .param("roles", "EDITOR"))
                .andExpect(flash().attribute("failure", "account.notSelf"));
        assertThat(jdbc.queryForObject("SELECT enabled FROM account WHERE id = ?", Boolean.class, id)).isTrue();
    }

    @Test
    void deactivatedStaffCannotLogIn() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        long id = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", Long.class, editor);
        mvc.perform(post("/admin/konten/{id}/deaktivieren", id).with(csrf()).with(TestAccounts.staff(admin, "ADMIN")))
                .andExpect(flash().attribute("success", "admin.staff.deactivated"));
        mvc.perform(post("/konto/anmelden").with(csrf()).param("username", editor).param("password", PASSWORD))
                .andExpect(redirectedUrl("/konto/anmelden?fehler"));
    }

    @Test
    void unknownAccountIdIsNotFound() throws Exception {
        mvc.perform(post("/admin/konten/{id}/aktivieren", 987654321L).with(csrf()).with(TestAccounts.staff(admin, "ADMIN")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/konten/abc/aktivieren").with(csrf()).with(TestAccounts.staff(admin, "ADMIN")))
                .andExpect(status().isBadRequest());
    }
}
