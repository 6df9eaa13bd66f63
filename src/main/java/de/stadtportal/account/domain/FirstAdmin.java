package de.stadtportal.account.domain;

import de.stadtportal.platform.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * An empty portal gets its first ADMIN from PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD. On the
 * embedded demo database, without those, an admin with a random password printed once to the
 * console. There is no fixed password anywhere.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String DEMO_EMAIL = "admin@stadtportal.example";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final Environment environment;

    FirstAdmin(AccountService accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAdmin()) {
            return;
        }
        String email = environment.getProperty("portal.admin.email");
        String password = environment.getProperty("portal.admin.password");
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            accounts.createVerifiedAdmin(email, password);
            log.info("Created the first administrator {} from PORTAL_ADMIN_EMAIL", email);
        } else if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            String generated = Tokens.newPassword();
            accounts.createVerifiedAdmin(DEMO_EMAIL, generated);
            log.warn("""

                    ================================================================
                     Demo administrator (embedded database only, shown once):
                       E-Mail:   {}
                       Passwort: {}
                     Log in at /konto/anmelden and invite your colleagues.
                    ================================================================""", DEMO_EMAIL, generated);
        } else {
            log.warn("No administrator exists. Set PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD and restart.");
        }
    }
}
