package de.stadtportal.account.web;

import de.stadtportal.account.domain.AccountService;
import de.stadtportal.account.domain.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds login outcomes to the throttle, remembers the last login, warns an owner whose account
 * sees repeated failures, and writes each outcome to the application log (ASVS 16.3.1): the
 * account's id (never the typed name, which may be a mistyped password) and the client address
 * shortened to its network, never a password.
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    private final LoginThrottle throttle;
    private final AccountService accounts;

    LoginEvents(LoginThrottle throttle, AccountService accounts) {
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        String name = event.getAuthentication().getName();
        if (event.getAuthentication() instanceof OneTimeTokenAuthenticationToken) {
            // the "name" of a code is the code: never logged
            log.warn("Second factor failed: wrong or used code, client {}", masked(address));
        } else {
            log.warn("Login failed: account {}, client {}, reason {}", accountOf(name), masked(address),
                    event.getClass().getSimpleName());
        }
        if (throttle.failed(name, address)) {
            log.warn("Repeated failed logins: account {}; its owner is told by mail", accountOf(name));
            accounts.warnAboutFailedLogins(name);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            String name = event.getAuthentication().getName();
            throttle.succeeded(name, details.getRemoteAddress());
            accounts.recordLogin(name);
            log.info("{}: account {}, client {}", event.getAuthentication() instanceof OneTimeTokenAuthentication
                    ? "Second factor confirmed" : "Login succeeded", accountOf(name), masked(details.getRemoteAddress()));
        }
    }

    /** Called by {@link LoginThrottleFilter} when it refuses a login without checking the password. */
    void refused(String name, String address) {
        log.warn("Login refused, too many failures: account {}, client {}", accountOf(name), masked(address));
    }

    private String accountOf(String name) {
        return accounts.findByEmail(name).map(a -> "#" + a.id()).orElse("(unknown)");
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }

    /** The client's network only (IPv4 /24, IPv6 /48): enough to see a pattern, not to name a person. */
    static String masked(String address) {
        if (address == null) {
            return "unknown";
        }
        if (address.contains(":")) {
            String[] groups = address.split(":", -1);
            return groups.length >= 3 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : "ipv6";
        }
        int last = address.lastIndexOf('.');
        return last > 0 ? address.substring(0, last) + ".0/24" : "unknown";
    }
}
