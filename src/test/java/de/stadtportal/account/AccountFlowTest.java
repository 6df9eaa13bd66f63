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

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import jakarta.servlet.http.Cookie;
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
    void aNewPasswordEndsEveryOtherSession() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        Cookie mine = sessionOf(email, PASSWORD);
        Cookie stolen = sessionOf(email, PASSWORD);
        assertThat(sessionCount(email)).isEqualTo(2);
        String newPassword = "Malakoffturm am Abend 8";
        mvc.perform(post("/konto/passwort").with(csrf()).cookie(mine).param("currentPassword", PASSWORD)
                        .param("password", newPassword).param("passwordRepeat", newPassword))
                .andExpect(redirectedUrl("/konto"));
        mvc.perform(get("/konto").cookie(mine)).andExpect(status().isOk());
        mvc.perform(get("/konto").cookie(stolen)).andExpect(status().isFound());
        assertThat(sessionCount(email)).isEqualTo(1);

        // a reset ends all of them, and only the newest reset link works
        mvc.perform(post("/konto/passwort-vergessen").with(csrf()).param("email", email)).andExpect(status().isOk());
        String[] older = link(email, "Neues Passwort");
        mvc.perform(post("/konto/passwort-vergessen").with(csrf()).param("email", email)).andExpect(status().isOk());
        String[] newer = link(email, "Neues Passwort");
        assertThat(newer[1]).isNotEqualTo(older[1]);
        mvc.perform(get(older[0]).param("token", older[1])).andExpect(status().isGone());
        String third = "Malakoffturm in der Nacht 9";
        mvc.perform(post(newer[0]).with(csrf()).param("token", newer[1]).param("password", third).param("passwordRepeat", third))
                .andExpect(redirectedUrl("/konto/anmelden"));
        assertThat(sessionCount(email)).isZero();
        mvc.perform(get("/konto").cookie(mine)).andExpect(status().isFound());
    }

    @Test
    void aSessionEndsTwelveHoursAfterTheLoginHoweverActive() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        Cookie session = sessionOf(email, PASSWORD);
        mvc.perform(get("/konto").cookie(session)).andExpect(status().isOk());
        jdbc.update("UPDATE spring_session SET creation_time = creation_time - ? WHERE principal_name = ?",
                Duration.ofHours(12).plusMinutes(1).toMillis(), email);
        mvc.perform(get("/konto").cookie(session)).andExpect(status().isFound());
        assertThat(sessionCount(email)).isZero();
    }

    @Test
    void nobodyCanMailBombAnAddressThroughResetOrSignUp() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/konto/passwort-vergessen").with(csrf()).with(from("192.0.2." + (10 + i))).param("email", email))
                    .andExpect(status().isOk());
            mvc.perform(post("/konto/registrieren").with(csrf()).with(from("192.0.2." + (20 + i))).param("email", email)
                            .param("password", "Ein ganz anderes Passwort").param("passwordRepeat", "Ein ganz anderes Passwort"))
                    .andExpect(redirectedUrl("/konto/registriert"));
        }
        // three mails an hour reach the address, whatever form and client asked for them
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?", Integer.class, email)).isEqualTo(3);

        // and one client address may send the forms only so often (40 an hour in tests, 10 by default)
        for (int i = 0; i < 40; i++) {
            mvc.perform(post("/konto/passwort-vergessen").with(csrf()).with(from("192.0.2.99")).param("email", ""))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/konto/passwort-vergessen").with(csrf()).with(from("192.0.2.99")).param("email", email))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("sehr viele solcher Anfragen")));
        for (int i = 0; i < 40; i++) {
            mvc.perform(post("/mitmachen").with(csrf()).with(from("192.0.2.98")).param("name", ""))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/mitmachen").with(csrf()).with(from("192.0.2.98")).param("name", "Flutcafe Ost"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("value=\"Flutcafe Ost\"")));
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
    void strangersCannotLockTheOwnerOutAndTheOwnerIsToldOnce() throws Exception {
        String email = accounts.create("ADMIN", PASSWORD);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(login(email, "falsch falsch falsch", from("203.0.113." + i)))
                    .andExpect(redirectedUrl("/konto/anmelden?fehler"));
        }
        // a stranger who used up his attempts from one address is blocked there, the owner elsewhere is not
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(email, "falsch falsch falsch", from("203.0.113.66")));
        }
        mvc.perform(login(email, PASSWORD, from("203.0.113.66"))).andExpect(redirectedUrl("/konto/anmelden?gesperrt"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?",
                Integer.class, email)).isEqualTo(1);
        mvc.perform(login(email, "falsch falsch falsch", from("203.0.113.77")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?",
                Integer.class, email)).isEqualTo(1);
        // staff go on to their area, which asks for the second factor
        mvc.perform(login(email, PASSWORD, from("198.51.100.6"))).andExpect(redirectedUrl("/admin"));
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

    private Cookie sessionOf(String email, String password) throws Exception {
        Cookie cookie = mvc.perform(formLogin("/konto/anmelden").user(email).password(password))
                .andExpect(redirectedUrl("/konto")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private int sessionCount(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class, email);
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
