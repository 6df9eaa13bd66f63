package de.stadtportal.account.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import de.stadtportal.account.domain.SecondFactorService;
import de.stadtportal.platform.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.util.StringUtils;

/**
 * The mailed code of the staff's second factor, on Spring Security's one-time-token login (wired
 * in the security configuration, which requires password and code on staff routes). A code is only
 * ever made for the account that has just entered its password, never for an address typed into
 * a form, and it only counts for that same login: nobody can have codes mailed to others, and a
 * code alone logs nobody in.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactor {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    static final int CODES_PER_HOUR = 10;
    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    /** In PostgreSQL (account/V34), so codes work whichever instance answers. */
    @Bean
    OneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc, Clock clock) {
        JdbcOneTimeTokenService codes = new JdbcOneTimeTokenService(jdbc);
        codes.setClock(clock);
        return new SameLoginCodes(codes);
    }

    /**
     * Codes only for staff who have entered their password in this session, and at most
     * {@link #CODES_PER_HOUR} an hour per account, so a stolen password cannot flood the mailbox.
     */
    @Bean
    GenerateOneTimeTokenRequestResolver secondFactorRequest(SecondFactorService secondFactors) {
        RateLimiter codesPerAccount = new RateLimiter(CODES_PER_HOUR, Duration.ofHours(1));
        return request -> {
            Authentication current = passwordLogin();
            if (current == null || !secondFactors.needsSecondFactor(current.getName())) {
                return null;
            }
            if (!codesPerAccount.tryAcquire(current.getName())) {
                log.warn("Second factor: no more codes this hour for account {}", secondFactors.accountNumber(current.getName()));
                return null;
            }
            return new GenerateOneTimeTokenRequest(current.getName(), CODE_VALIDITY);
        };
    }

    /**
     * The code goes to the outbox (and so to the account's mailbox); the page then asks for it. On
     * the embedded demo database without a mail server the outbox cannot be read before the login
     * is complete, so there, and only there, the code is printed to the console like the demo
     * administrator's password.
     */
    @Bean
    OneTimeTokenGenerationSuccessHandler secondFactorMail(SecondFactorService secondFactors, Environment environment) {
        boolean demo = !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && !StringUtils.hasText(environment.getProperty("spring.mail.host"));
        return new OneTimeTokenGenerationSuccessHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
                secondFactors.mailCode(token.getUsername(), token.getTokenValue());
                if (demo) {
                    LoggerFactory.getLogger(SecondFactor.class).warn("""

                            ================================================================
                             Demo (embedded database, no mail server): the login code for
                             {} is {}
                             With SPRING_MAIL_HOST set it is only mailed.
                            ================================================================""",
                            token.getUsername(), token.getTokenValue());
                }
                response.sendRedirect(request.getContextPath() + "/konto/zweiter-faktor/code?gesendet");
            }
        };
    }

    /** The current login when it was made with the password, else null. */
    static Authentication passwordLogin() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated() || current instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return hasAuthority(current, FactorGrantedAuthority.PASSWORD_AUTHORITY) ? current : null;
    }

    static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /**
     * Spring Security's JDBC codes, used up only by the login they were made for: a code entered in
     * a session without that account's password is refused (and gone), so a mailed code alone
     * never logs anyone in.
     */
    static final class SameLoginCodes implements OneTimeTokenService, InitializingBean, DisposableBean {

        private final JdbcOneTimeTokenService codes;

        SameLoginCodes(JdbcOneTimeTokenService codes) {
            this.codes = codes;
        }

        @Override
        public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
            return codes.generate(request);
        }

        @Override
        public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
            OneTimeToken used = codes.consume(authenticationToken);
            Authentication current = passwordLogin();
            if (used != null && (current == null || !current.getName().equals(used.getUsername()))) {
                log.warn("Second factor refused: a code entered without its account's password");
                return null;
            }
            return used;
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            codes.afterPropertiesSet();
        }

        @Override
        public void destroy() throws Exception {
            codes.destroy();
        }
    }
}
