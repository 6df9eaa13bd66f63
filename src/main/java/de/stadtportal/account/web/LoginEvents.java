package de.stadtportal.account.web;

import de.stadtportal.account.domain.AccountService;
import de.stadtportal.account.domain.LoginThrottle;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds login outcomes to the throttle and remembers the last login. */
@Component
class LoginEvents {

    private final LoginThrottle throttle;
    private final AccountService accounts;

    LoginEvents(LoginThrottle throttle, AccountService accounts) {
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        throttle.failed(event.getAuthentication().getName(), address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            throttle.succeeded(event.getAuthentication().getName());
            accounts.recordLogin(event.getAuthentication().getName());
        }
    }
}
