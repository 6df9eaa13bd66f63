package de.stadtportal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
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
