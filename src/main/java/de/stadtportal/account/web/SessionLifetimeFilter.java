package de.stadtportal.account.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An absolute session lifetime next to the idle timeout (server.servlet.session.timeout, 30
 * minutes): a logged-in session ends {@code portal.session.absolute-timeout} (12 hours) after the
 * login, however busy it is (ASVS 7.3.2). The login starts a new session (SecurityConfiguration
 * migrates it), so the session's creation time is the time of the login.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 3)
class SessionLifetimeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("de.stadtportal.security");

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetimeFilter(@Value("${portal.session.absolute-timeout:12h}") Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null
                && clock.millis() - session.getCreationTime() > lifetime.toMillis()) {
            log.info("Session ended after its absolute lifetime of {}", lifetime);
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
