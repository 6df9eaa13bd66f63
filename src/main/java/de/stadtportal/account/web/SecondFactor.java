package de.stadtportal.account.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import de.stadtportal.account.domain.AccountService;
import de.stadtportal.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * The second factor of staff (ASVS L2): after the password, a one-time code mailed to the
 * account's address (Spring Security's one-time-token login, wired in SecurityConfiguration, which
 * requires both factors for /admin). A code is only ever made for the account that has just
 * entered its password, never for an address typed into a form, so nobody can have codes mailed
 * to others.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactor {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    /** In PostgreSQL (V60), so codes work whichever instance answers. */
    @Bean
    OneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc, Clock clock) {
        JdbcOneTimeTokenService service = new JdbcOneTimeTokenService(jdbc);
        service.setClock(clock);
        return service;
    }

    /** Codes only for staff who have entered their password in this session. */
    @Bean
    GenerateOneTimeTokenRequestResolver secondFactorRequest() {
        return request -> {
            CurrentUser user = CurrentUser.get();
            return user != null && user.isStaff() ? new GenerateOneTimeTokenRequest(user.email(), CODE_VALIDITY) : null;
        };
    }

    /** The code goes to the outbox (and so to the account's mailbox); the page then asks for it. */
    @Bean
    OneTimeTokenGenerationSuccessHandler secondFactorMail(AccountService accounts) {
        return new OneTimeTokenGenerationSuccessHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
                accounts.mailSecondFactorCode(token.getUsername(), token.getTokenValue());
                log.info("Second factor: code mailed for account {}", accounts.findByEmail(token.getUsername())
                        .map(a -> "#" + a.id()).orElse("(unknown)"));
                response.sendRedirect(request.getContextPath() + "/konto/zweiter-faktor/code?gesendet");
            }
        };
    }
}
