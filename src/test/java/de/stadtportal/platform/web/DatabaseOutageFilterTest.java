package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Issue 15, point 10: what a visitor gets while PostgreSQL is unreachable (the whole outage, with
 * the pool's timeout and recovery, is measured by bench/db-outage.sh against a real PostgreSQL).
 */
class DatabaseOutageFilterTest {

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() throws Exception {
        for (RuntimeException outage : new RuntimeException[] {
                new CannotCreateTransactionException("Could not open JPA EntityManager",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLException("Connection refused", "08001"))}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            new DatabaseOutageFilter().doFilter(new MockHttpServletRequest("GET", "/unternehmen"), response,
                    new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                        @Override
                        protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                                throws ServletException {
                            throw new ServletException("Request processing failed", outage);
                        }
                    }));
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        }
    }

    @Test
    void otherFailuresStayWhatTheyAre() {
        MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                throw new IllegalStateException("a bug");
            }
        });
        assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(new MockHttpServletRequest("GET", "/"),
                new MockHttpServletResponse(), failing)).isInstanceOf(IllegalStateException.class);
    }
}
