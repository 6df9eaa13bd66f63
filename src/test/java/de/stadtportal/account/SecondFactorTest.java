package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 15, point 1: staff need a second factor, a one-time code mailed to their account, for /admin. */
@PortalTest
class SecondFactorTest {

    static final String PASSWORD = "Zweiter Faktor über Bottrop";
    static final Pattern CODE = Pattern.compile("zweiter-faktor/code\\?token=([0-9a-f-]{36})");

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
    void staffNeedTheMailedCodeNextToThePasswordAndEachCodeWorksOnce() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        Cookie session = logIn(editor);
        // the password alone does not open the staff area
        mvc.perform(get("/admin").cookie(session)).andExpect(header().string("Location", startsWith("/konto/zweiter-faktor")));
        mvc.perform(get("/konto/zweiter-faktor").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/konto/zweiter-faktor/senden").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/konto/zweiter-faktor/code?gesendet"));
        String code = lastCode(editor);
        mvc.perform(post("/konto/zweiter-faktor/pruefen").with(csrf()).cookie(session).param("token", "00000000-0000-0000-0000-000000000000"))
                .andExpect(redirectedUrl("/konto/zweiter-faktor/code?fehler"));
        MockHttpServletResponse confirmed = mvc.perform(post("/konto/zweiter-faktor/pruefen").with(csrf()).cookie(session)
                        .param("token", code))
                // back to where the staff member was going
                .andExpect(header().string("Location", containsString("/admin"))).andReturn().getResponse();
        Cookie full = confirmed.getCookie("SESSION") == null ? session : confirmed.getCookie("SESSION");
        mvc.perform(get("/admin").cookie(full)).andExpect(status().isOk());
        // an editor is still no administrator
        mvc.perform(get("/admin/konten").cookie(full)).andExpect(status().isForbidden());

        // used once: gone
        Cookie other = logIn(editor);
        mvc.perform(post("/konto/zweiter-faktor/pruefen").with(csrf()).cookie(other).param("token", code))
                .andExpect(redirectedUrl("/konto/zweiter-faktor/code?fehler"));
        mvc.perform(get("/admin").cookie(other)).andExpect(status().isFound());
    }

    @Test
    void theCodeAloneIsNoLoginAndNobodyCanHaveCodesMailedToOthers() throws Exception {
        String admin = accounts.create("ADMIN", PASSWORD);
        mvc.perform(post("/konto/zweiter-faktor/senden").with(csrf()).cookie(logIn(admin)));
        String code = lastCode(admin);
        // whoever reads the mailbox but does not know the password
        MockHttpServletResponse response = mvc.perform(post("/konto/zweiter-faktor/pruefen").with(csrf()).param("token", code))
                .andReturn().getResponse();
        Cookie session = response.getCookie("SESSION");
        if (session != null) {
            mvc.perform(get("/admin").cookie(session)).andExpect(status().isFound());
        }

        // a business account gets no code, and an address typed into the form is ignored
        String business = accounts.create("BUSINESS", PASSWORD);
        int before = jdbc.queryForObject("SELECT count(*) FROM outbox_mail", Integer.class);
        mvc.perform(post("/konto/zweiter-faktor/senden").with(csrf()).cookie(logIn(business)).param("username", admin));
        mvc.perform(post("/konto/zweiter-faktor/senden").with(csrf()).param("username", admin));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail", Integer.class)).isEqualTo(before);
    }

    private Cookie logIn(String email) throws Exception {
        Cookie cookie = mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/konto")).andReturn().getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private String lastCode(String email) {
        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email);
        Matcher matcher = CODE.matcher(body);
        assertThat(matcher.find()).as("code in mail: %s", body).isTrue();
        return matcher.group(1);
    }
}
