package de.stadtportal.platform.statistics;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts successful HTML page views of people; staff pages, assets, errors and bots are not counted. */
@Component
// inside LanguageFilter (the path without /en), outside the page cache that answers without rendering
// (HttpCacheFilter): every view counts
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class PageViewFilter extends OncePerRequestFilter {

    static final Pattern BOT = Pattern.compile(
            "bot|crawl|spider|slurp|curl|wget|python|httpclient|java|headless|monitor|preview|scan|wrk",
            Pattern.CASE_INSENSITIVE);
    private static final String[] NOT_COUNTED = {"/admin", "/konto", "/actuator", "/assets/", "/webjars/", "/error", "/favicon"};

    private final PageViewCounter counter;

    PageViewFilter(PageViewCounter counter) {
        this.counter = counter;
    }

    /** Assets, probes and staff pages never count: they do not even pass through this filter. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : NOT_COUNTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (counts(request, response, path)) {
            counter.count(path.length() > 300 ? path.substring(0, 300) : path);
        }
    }

    private static boolean counts(HttpServletRequest request, HttpServletResponse response, String path) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || path.startsWith("//")) {
            return false;
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            return false;
        }
        for (String prefix : NOT_COUNTED) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        String agent = request.getHeader("User-Agent");
        return agent != null && !agent.isBlank() && !BOT.matcher(agent).find();
    }
}
