package de.stadtportal.account.web;

import java.io.IOException;

import de.stadtportal.account.domain.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs before Spring Security: a blocked account or address does not even reach the password check. */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final LoginEvents events;

    LoginThrottleFilter(LoginThrottle throttle, LoginEvents events) {
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/konto/anmelden".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
            events.refused(request.getParameter("username"), request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/konto/anmelden?gesperrt");
            return;
        }
        chain.doFilter(request, response);
    }
}
