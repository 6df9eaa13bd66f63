package de.stadtportal.platform.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, the visitor gets 503 with {@code Retry-After} and the error
 * page in the layout instead of a 500 after a long wait: Hikari gives up after a few seconds
 * (spring.datasource.hikari.connection-timeout), and this filter, outside all others (Spring
 * Session reads and writes sessions in PostgreSQL too), turns the failure into the answer. One
 * line in the log instead of a stack trace per request. Nothing to reset afterwards: the pool
 * opens new connections as soon as PostgreSQL is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isDatabaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.error("Database unreachable, answered {} with 503: {}", request.getRequestURI(), rootMessage(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
