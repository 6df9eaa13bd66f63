package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PortalTest
class AccountFlowTest {

    static final String PASSWORD = "Zechenturm und Halde 2026";
    static final Pattern LINK = Pattern.compile("http://localhost:8080(/konto/[a-z-]+)\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
    }

    @AfterEach
    void cleanUp() {
        accounts.deleteAll();
    }

    @Test
    void businessSignsUpConfirmsTheMailedLinkAndLogsIn() throws Exception {
        String email = newEmail();
        mvc.perform(post("/konto/registrieren").with(csrf())
                        .param("email", "  " + email.toUpperCase() + " ")
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/konto/registriert"));

        // not verified yet: no login
        mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/konto/anmelden?fehler"));

        String[] link = link(email, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(link[0]).isEqualTo("/konto/bestaetigen");
        mvc.perform(get(link[0]).param("token", link[1]))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("E-Mail-Adresse bestätigen")));
        mvc.perform(post(link[0]).with(csrf()).param("token", link[1]))
                .andExpect(redirectedUrl("/konto/anmelden"));

        mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/konto"));
        assertThat(jdbc.queryForObject("SELECT role FROM account_role r JOIN account a ON a.id = r.account_id WHERE a.email = ?",
                String.class, email)).isEqualTo("BUSINESS");

        // the link works once only
        mvc.perform(post(link[0]).with(csrf()).param("token", link[1])).andExpect(status().isGone());
    }

    @Test
    void signUpRefusesWeakPasswordsWithGermanMessagesNextToTheFieldAndKeepsTheAddress() throws Exception {
        String email = newEmail();
        accounts.track(email);
        for (String[] attempt : List.of(
                new String[] {"kurz", "kurz", "mindestens 12 Zeichen"},
                new String[] {"passwort1234", "passwort1234", "zu verbreitet"},
                new String[] {PASSWORD, PASSWORD + "x", "stimmen nicht überein"})) {
            mvc.perform(post("/konto/registrieren").with(csrf())
                            .param("email", email).param("password", attempt[0]).param("passwordRepeat", attempt[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(attempt[2])))
                    .andExpect(content().string(containsString("value=\"" + email + "\"")))
                    .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                    .andExpect(content().string(not(containsString(attempt[0] + "\""))));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = ?", Integer.class, email)).isZero();
    }

    @Test
    void scriptInTheAddressIsRefusedAndShownEscaped() throws Exception {
        mvc.perform(post("/konto/registrieren").with(csrf())
                        .param("email", "<script>alert(1)</script>").param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("gültige E-Mail-Adresse")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    @Test
    void signingUpWithARegisteredAddressRevealsNothingAndWarnsTheOwner() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(post("/konto/registrieren").with(csrf())
                        .param("email", email).param("password", PASSWORD + "!").param("passwordRepeat", PASSWORD + "!"))
                .andExpect(redirectedUrl("/konto/registriert"));
        assertThat(mails(email)).singleElement().asString().contains("bereits ein Konto");
        // the old password still works
        mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD)).andExpect(redirectedUrl("/konto"));
    }

    @Test
    void passwordResetLinkWorksOnceAndTheAnswerIsTheSameForUnknownAddresses() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        String known = mvc.perform(post("/konto/passwort-vergessen").with(csrf()).param("email", email))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(post("/konto/passwort-vergessen").with(csrf()).param("email", newEmail()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown.replaceAll("value=\"[^\"]*\"", "")).isEqualTo(known.replaceAll("value=\"[^\"]*\"", ""));

        String[] link = link(email, "Neues Passwort");
        String newPassword = "Malakoffturm am Morgen 7";
        mvc.perform(get(link[0]).param("token", link[1])).andExpect(status().isOk());
        // a refused password does not use up the link
        mvc.perform(post(link[0]).with(csrf()).param("token", link[1])
                        .param("password", "passwort1234").param("passwordRepeat", "passwort1234"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("zu verbreitet")));
        mvc.perform(post(link[0]).with(csrf()).param("token", link[1])
                        .param("password", newPassword).param("passwordRepeat", newPassword))
                .andExpect(redirectedUrl("/konto/anmelden"));
        mvc.perform(formLogin("/konto/anmelden").user(email).password(newPassword)).andExpect(redirectedUrl("/konto"));
        mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD)).andExpect(redirectedUrl("/konto/anmelden?fehler"));

        // used once: gone
        mvc.perform(get(link[0]).param("token", link[1]))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("nicht mehr gültig")));
    }

    @Test
    void expiredResetLinkIsRefused() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(post("/konto/passwort-vergessen").with(csrf()).param("email", email)).andExpect(status().isOk());
        String[] link = link(email, "Neues Passwort");
        jdbc.update("UPDATE account_token SET expires_at = now() - interval '1 minute' "
                + "WHERE account_id = (SELECT id FROM account WHERE email = ?)", email);
        mvc.perform(post(link[0]).with(csrf()).param("token", link[1])
                        .param("password", "Ein ganz neues Passwort").param("passwordRepeat", "Ein ganz neues Passwort"))
                .andExpect(status().isGone());
        mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD)).andExpect(redirectedUrl("/konto"));
    }

    @Test
    void failedLoginsAreThrottledPerAccount() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        RequestPostProcessor client = from("10.20.30.40");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(email, "falsch falsch falsch", client))
                    .andExpect(redirectedUrl("/konto/anmelden?fehler"));
        }
        // even the right password is not checked any more
        mvc.perform(login(email, PASSWORD, client))
                .andExpect(redirectedUrl("/konto/anmelden?gesperrt"));
        mvc.perform(get("/konto/anmelden").param("gesperrt", ""))
                .andExpect(content().string(containsString("Zu viele fehlgeschlagene Anmeldeversuche")));
    }

    @Test
    void failedLoginsAreThrottledPerClientAddress() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        RequestPostProcessor client = from("10.99.99.99");
        for (int i = 0; i < 20; i++) {
            mvc.perform(login(newEmail(), "geraten geraten", client));
        }
        mvc.perform(login(email, PASSWORD, client))
                .andExpect(redirectedUrl("/konto/anmelden?gesperrt"));
        // another address is not affected
        mvc.perform(login(email, PASSWORD, from("10.99.99.100")))
                .andExpect(redirectedUrl("/konto"));
    }

    @Test
    void formsWithoutCsrfTokenAreRejected() throws Exception {
        mvc.perform(post("/konto/registrieren").param("email", newEmail())
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void ownerChangesPasswordAndEmailAndDeletesTheAccount() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        String newPassword = "Tetraeder bei Nacht 2026";
        mvc.perform(post("/konto/passwort").with(csrf()).with(user(email).roles("BUSINESS"))
                        .param("currentPassword", "falsch").param("password", newPassword).param("passwordRepeat", newPassword))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("aktuelle Passwort ist nicht richtig")));
        mvc.perform(post("/konto/passwort").with(csrf()).with(user(email).roles("BUSINESS"))
                        .param("currentPassword", PASSWORD).param("password", newPassword).param("passwordRepeat", newPassword))
                .andExpect(redirectedUrl("/konto"));
        assertThat(mails(email)).anySatisfy(body -> assertThat(body).contains("soeben geändert"));

        String newEmail = newEmail();
        accounts.track(newEmail);
        mvc.perform(post("/konto/email").with(csrf()).with(user(email).roles("BUSINESS"))
                        .param("currentPassword", newPassword).param("newEmail", newEmail))
                .andExpect(redirectedUrl("/konto"));
        String[] link = link(newEmail, "Neue E-Mail-Adresse bestätigen");
        mvc.perform(post(link[0]).with(csrf()).with(user(email).roles("BUSINESS")).param("token", link[1]))
                .andExpect(redirectedUrl("/konto/anmelden"));
        mvc.perform(formLogin("/konto/anmelden").user(newEmail).password(newPassword)).andExpect(redirectedUrl("/konto"));

        mvc.perform(post("/konto/loeschen").with(csrf()).with(user(newEmail).roles("BUSINESS"))
                        .param("currentPassword", newPassword))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email IN (?, ?)", Integer.class, email, newEmail)).isZero();
    }

    @Test
    void anEmptyEmbeddedPortalGetsOneAdministratorWithAGeneratedPassword() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id "
                + "WHERE r.role = 'ADMIN' AND a.email = 'admin@stadtportal.example' AND a.email_verified", Integer.class))
                .isEqualTo(1);
    }

    private List<String> mails(String recipient) {
        return jdbc.queryForList("SELECT subject || '\n' || body FROM outbox_mail WHERE recipient = ? ORDER BY id",
                String.class, recipient);
    }

    /** @return path and token of the link in the newest mail to this address with this subject */
    private String[] link(String recipient, String subject) {
        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND subject LIKE ? "
                + "ORDER BY id DESC LIMIT 1", String.class, recipient, subject + "%");
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("link in mail: %s", body).isTrue();
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    private static String newEmail() {
        return "konto-" + UUID.randomUUID() + "@test.example";
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(
            String email, String password, RequestPostProcessor client) {
        return post("/konto/anmelden").with(csrf()).with(client).param("username", email).param("password", password);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
