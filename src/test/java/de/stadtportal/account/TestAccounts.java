package de.stadtportal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates verified accounts for tests and removes exactly those again. */
public final class TestAccounts {

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
     * A staff member as MockMvc sees one after a complete login: the role and both factors, the
     * password and the mailed code (/admin needs both; SecondFactorTest walks the real login).
     */
    public static RequestPostProcessor staff(String email, String role) {
        return SecurityMockMvcRequestPostProcessors.user(email).authorities(new SimpleGrantedAuthority("ROLE_" + role),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
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
