package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.StaffFactors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The second factor of staff, walked through the real forms: password, the code from the outbox,
 * enrolment with recovery codes, a recovery code instead of the mail, an ADMIN's reset, and a
 * business account that is never asked.
 */
@PortalTest
class SecondFactorTest {

    static final String PASSWORD = "Malakoffturm im Morgenlicht";
    static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

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
    void staffWithOnlyThePasswordAreSentToTheSecondFactorPage() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        Cookie session = passwordOnly(editor);

        mvc.perform(get("/admin/unternehmen").cookie(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern(StaffFactors.SECOND_FACTOR_PAGE + "*"));
        mvc.perform(get(StaffFactors.SECOND_FACTOR_PAGE).cookie(session)).andExpect(status().isOk());
        // the account pages stay open with the password alone (password change, own data)
        mvc.perform(get("/konto").cookie(session)).andExpect(status().isOk());
        // enrolment needs the mailed code first
        mvc.perform(get(StaffFactors.ENROLMENT_PAGE).cookie(session))
                .andExpect(redirectedUrlPattern(StaffFactors.SECOND_FACTOR_PAGE + "*"));
    }

    @Test
    void firstStaffLoginConfirmsTheMailedCodeSavesRecoveryCodesAndReachesTheStaffArea() throws Exception {
        String admin = accounts.create("ADMIN", PASSWORD);
        Cookie session = passwordOnly(admin);
        mvc.perform(get("/admin/konten").cookie(session)).andExpect(status().isFound());

        session = sendCode(session);
        MvcResult confirmed = mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", accounts.mailedCode(admin))
                        .cookie(session).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        session = TestAccounts.next(session, confirmed);
        // not enrolled yet: the staff page asked for sends on to the enrolment
        String next = confirmed.getResponse().getRedirectedUrl();
        next = next.startsWith("http") ? next.substring(next.indexOf("/admin")) : next;
        mvc.perform(get(next).cookie(session))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern(StaffFactors.ENROLMENT_PAGE + "*"));

        List<String> codes = recoveryCodes(session);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT code_hash FROM account_recovery_code c JOIN account a ON a.id = c.account_id "
                + "WHERE a.email = ?", String.class, admin)).hasSize(10).doesNotContainAnyElementsOf(codes);

        // without the tick nothing is enrolled
        mvc.perform(post(StaffFactors.ENROLMENT_PAGE).cookie(session).with(csrf()))
                .andExpect(redirectedUrl(StaffFactors.ENROLMENT_PAGE + "?aufbewahren"));
        assertThat(enrolled(admin)).isFalse();

        codes = recoveryCodes(session);
        session = TestAccounts.next(session, mvc.perform(post(StaffFactors.ENROLMENT_PAGE).param("saved", "true").cookie(session).with(csrf()))
                .andExpect(status().isFound()).andReturn());
        assertThat(enrolled(admin)).isTrue();
        mvc.perform(get("/admin/konten").cookie(session)).andExpect(status().isOk());
        assertThat(auditActions(admin)).contains("SECOND_FACTOR_ENROLLED");

        // the next login: password and code, no enrolment again
        Cookie again = passwordOnly(admin);
        again = sendCode(again);
        again = TestAccounts.next(again, mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", accounts.mailedCode(admin))
                .cookie(again).with(csrf())).andReturn());
        mvc.perform(get("/admin").cookie(again)).andExpect(status().isOk());
    }

    @Test
    void aWrongCodeKeepsThePasswordLoginAndAsksAgain() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        Cookie session = sendCode(passwordOnly(editor));
        mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", "00000000-0000-0000-0000-000000000000")
                        .cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/konto/zweiter-faktor/code?fehler"));
        mvc.perform(get("/admin").cookie(session))
                .andExpect(redirectedUrlPattern(StaffFactors.SECOND_FACTOR_PAGE + "*"));
        mvc.perform(get("/konto").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aCodeAloneLogsNobodyIn() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        sendCode(passwordOnly(editor));
        MvcResult stranger = mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", accounts.mailedCode(editor))
                .with(csrf())).andReturn();
        Cookie strangers = sessionOf(stranger);
        mvc.perform(strangers == null ? get("/konto") : get("/konto").cookie(strangers)).andExpect(redirectedUrl("/konto/anmelden"));
    }

    @Test
    void aBusinessIsNeverAskedForASecondFactor() throws Exception {
        String business = accounts.create("BUSINESS", PASSWORD);
        MvcResult login = mvc.perform(formLogin("/konto/anmelden").user(business).password(PASSWORD))
                .andExpect(redirectedUrl("/konto")).andReturn();
        Cookie session = sessionOf(login);
        mvc.perform(get("/konto").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/konto/eintraege").cookie(session)).andExpect(status().isOk());
        // no code is made for a business, and the staff area stays closed with a 403, not a code page
        mvc.perform(post("/konto/zweiter-faktor/senden").cookie(session).with(csrf())).andExpect(redirectedUrl("/konto"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?", Integer.class, business)).isZero();
        mvc.perform(get("/admin").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get(StaffFactors.SECOND_FACTOR_PAGE).cookie(session)).andExpect(redirectedUrl("/konto"));
    }

    @Test
    void aRecoveryCodeReplacesTheMailedCodeOnce() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        List<String> codes = enrol(editor);

        Cookie session = passwordOnly(editor);
        MvcResult used = mvc.perform(post("/konto/zweiter-faktor/wiederherstellung").param("code", codes.get(3).toUpperCase())
                        .cookie(session).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        assertThat(used.getResponse().getRedirectedUrl()).endsWith("/admin");
        mvc.perform(get("/admin").cookie(TestAccounts.next(session, used))).andExpect(status().isOk());
        assertThat(auditActions(editor)).contains("RECOVERY_CODE_USED");

        Cookie later = passwordOnly(editor);
        mvc.perform(post("/konto/zweiter-faktor/wiederherstellung").param("code", codes.get(3))
                        .cookie(later).with(csrf()))
                .andExpect(redirectedUrl(StaffFactors.SECOND_FACTOR_PAGE + "?falscherCode"));
        mvc.perform(get("/admin").cookie(later)).andExpect(redirectedUrlPattern(StaffFactors.SECOND_FACTOR_PAGE + "*"));
        mvc.perform(post("/konto/zweiter-faktor/wiederherstellung").param("code", codes.get(4))
                .cookie(later).with(csrf())).andExpect(status().isFound());
    }

    @Test
    void anAdminsResetEndsTheSessionsAndForcesANewEnrolment() throws Exception {
        String admin = accounts.create("ADMIN", PASSWORD);
        String editor = accounts.create("EDITOR", PASSWORD);
        List<String> oldCodes = enrol(editor);
        Cookie editorSession = accounts.logIn(mvc, editor, PASSWORD);
        mvc.perform(get("/admin").cookie(editorSession)).andExpect(status().isOk());
        Cookie adminSession = accounts.logIn(mvc, admin, PASSWORD);
        long id = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", Long.class, editor);

        mvc.perform(get("/admin/konten").cookie(adminSession)).andExpect(status().isOk());
        mvc.perform(post("/admin/konten/{id}/zweiter-faktor", id).cookie(adminSession).with(csrf()))
                .andExpect(redirectedUrl("/admin/konten"));

        assertThat(enrolled(editor)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'SECOND_FACTOR_RESET'",
                Integer.class, admin)).isEqualTo(1);
        mvc.perform(get("/admin").cookie(editorSession)).andExpect(redirectedUrl("/konto/anmelden"));

        // the old recovery codes are gone; the mailed code leads to a new enrolment
        Cookie session = passwordOnly(editor);
        mvc.perform(post("/konto/zweiter-faktor/wiederherstellung").param("code", oldCodes.get(0))
                .cookie(session).with(csrf())).andExpect(redirectedUrl(StaffFactors.SECOND_FACTOR_PAGE + "?falscherCode"));
        session = sendCode(session);
        session = TestAccounts.next(session, mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", accounts.mailedCode(editor))
                .cookie(session).with(csrf())).andReturn());
        mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrlPattern(StaffFactors.ENROLMENT_PAGE + "*"));
    }

    /** The MockMvc shortcut of the other tests holds exactly what the real login ends with. */
    @Test
    void theStaffShortcutOfTheTestsMatchesARealLogin() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        Cookie session = accounts.logIn(mvc, editor, PASSWORD);
        mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
        SecurityContext real = sessions.findByPrincipalName(editor).values().iterator().next().getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(names(real.getAuthentication())).contains("ROLE_EDITOR", StaffFactors.ENROLLED_AUTHORITY);
        mvc.perform(get("/admin").with(TestAccounts.staff(editor, "EDITOR"))).andExpect(status().isOk())
                .andExpect(authenticated().withAuthentication(mocked -> assertThat(names(mocked)).isEqualTo(names(real.getAuthentication()))));
    }

    // ---- helpers ----

    private Cookie passwordOnly(String email) throws Exception {
        MvcResult login = mvc.perform(formLogin("/konto/anmelden").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/admin")).andReturn();
        return sessionOf(login);
    }

    private Cookie sendCode(Cookie session) throws Exception {
        return TestAccounts.next(session, mvc.perform(post("/konto/zweiter-faktor/senden").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/konto/zweiter-faktor/code?gesendet")).andReturn());
    }

    /** Logs in for the first time, enrols, and returns the recovery codes shown. */
    private List<String> enrol(String email) throws Exception {
        Cookie session = sendCode(passwordOnly(email));
        session = TestAccounts.next(session, mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", accounts.mailedCode(email))
                .cookie(session).with(csrf())).andReturn());
        List<String> codes = recoveryCodes(session);
        mvc.perform(post(StaffFactors.ENROLMENT_PAGE).param("saved", "true").cookie(session).with(csrf()))
                .andExpect(status().isFound());
        assertThat(enrolled(email)).isTrue();
        return codes;
    }

    private List<String> recoveryCodes(Cookie session) throws Exception {
        String page = mvc.perform(get(StaffFactors.ENROLMENT_PAGE).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> codes = new ArrayList<>();
        Matcher code = RECOVERY_CODE.matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private boolean enrolled(String email) {
        return jdbc.queryForObject("SELECT second_factor_enrolled_at IS NOT NULL FROM account WHERE email = ?", Boolean.class, email);
    }

    private List<String> auditActions(String email) {
        return jdbc.queryForList("SELECT action FROM audit_entry WHERE actor = ?", String.class, email);
    }

    private static Cookie sessionOf(MvcResult result) {
        return result.getResponse().getCookie("SESSION");
    }

    private static Set<String> names(Authentication authentication) {
        Set<String> names = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            names.add(authority.getAuthority());
        }
        return names;
    }
}
