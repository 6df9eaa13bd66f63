package de.stadtportal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.platform.StaffFactors;
import jakarta.servlet.http.Cookie;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Creates verified accounts for tests and removes exactly those again. */
public final class TestAccounts {

    private static final Pattern SECOND_FACTOR_CODE = Pattern.compile("zweiter-faktor/code\\?token=([0-9a-f-]{36})");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final List<String> created = new ArrayList<>();

    public TestAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** @return the new account's e-mail address */
    public String create(String role, String password) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        Long id = jdbc.queryForObject(
                "INSERT INTO account (email, password_hash, email_verified) VALUES (?, ?, TRUE) RETURNING id",
                Long.class, email, encoder.encode(password));
        jdbc.update("INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        created.add(email);
        return email;
    }

    /**
     * A staff member as MockMvc sees one after a complete login: the role, both factors (the
     * password and the mailed code) and the enrolled second factor. Staff routes need all of them;
     * SecondFactorTest checks that {@link #logIn} (the real login) ends with exactly these.
     */
    public static RequestPostProcessor staff(String email, String role) {
        return SecurityMockMvcRequestPostProcessors.user(email).authorities(new SimpleGrantedAuthority("ROLE_" + role),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY),
                new SimpleGrantedAuthority(StaffFactors.ENROLLED_AUTHORITY));
    }

    /**
     * Logs in the real way, through the forms a person uses: the password, and for staff the code
     * mailed to the outbox and, on the first login, the enrolment (recovery codes saved).
     *
     * @return the session cookie of the complete login
     */
    public Cookie logIn(MockMvc mvc, String email, String password) throws Exception {
        MvcResult login = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/konto/anmelden").user(email).password(password))
                .andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        if (!"/admin".equals(login.getResponse().getRedirectedUrl())) {
            return session; // no staff account: the password is all
        }
        session = next(session, mvc.perform(post("/konto/zweiter-faktor/senden").cookie(session).with(csrf())).andReturn());
        session = next(session, mvc.perform(post("/konto/zweiter-faktor/pruefen").param("token", mailedCode(email))
                .cookie(session).with(csrf())).andReturn());
        MvcResult admin = mvc.perform(get("/admin").cookie(session)).andReturn();
        if (String.valueOf(admin.getResponse().getRedirectedUrl()).contains(StaffFactors.ENROLMENT_PAGE)) {
            mvc.perform(get(StaffFactors.ENROLMENT_PAGE).cookie(session));
            session = next(session, mvc.perform(post(StaffFactors.ENROLMENT_PAGE).param("saved", "true")
                    .cookie(session).with(csrf())).andReturn());
        }
        return session;
    }

    /** The session cookie after a request: a new one when the request changed the session (a login step). */
    public static Cookie next(Cookie session, MvcResult result) {
        Cookie changed = result.getResponse().getCookie("SESSION");
        return changed != null && !changed.getValue().isEmpty() ? changed : session;
    }

    /** The code of the latest second-factor mail to this address, read from the outbox like a mailbox. */
    public String mailedCode(String email) {
        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND body LIKE '%zweiter-faktor/code?token=%' "
                + "ORDER BY id DESC LIMIT 1", String.class, email);
        Matcher code = SECOND_FACTOR_CODE.matcher(body);
        if (!code.find()) {
            throw new IllegalStateException("no code in the mail: " + body);
        }
        return code.group(1);
    }

    public void track(String email) {
        created.add(email);
    }

    public void deleteAll() {
        for (String email : created) {
            jdbc.update("DELETE FROM outbox_mail WHERE recipient = ?", email);
            jdbc.update("DELETE FROM audit_entry WHERE actor = ? OR (entity_type = 'Konto' AND changes::text LIKE ?)",
                    email, "%" + email + "%");
            jdbc.update("DELETE FROM account WHERE email = ?", email);
        }
        created.clear();
    }
}
