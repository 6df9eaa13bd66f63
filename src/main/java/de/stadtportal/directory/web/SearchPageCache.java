package de.stadtportal.directory.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.DirectoryProperties;
import de.stadtportal.platform.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The search page /unternehmen as an anonymous visitor gets it, kept for identical requests. Most
 * visitors look for the same few things (the seed's top topics), and rendering the page costs
 * more than the search itself. The key holds the query string, the language, the directory's data
 * version (any write to businesses, hours, categories or districts makes a new one) and the minute
 * ("jetzt geöffnet"), so a kept page is never older than the data it shows. Only requests without
 * a session and responses without cookies are kept: nothing personal, no CSRF token, no message
 * meant for one person. Runs after the page statistics, so every view is still counted. This is the
 * directory's only cache: it reads the data version once per request, and a page it renders searches
 * without a second cache (a kept page is what makes a popular search cheap).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SearchPageCache extends OncePerRequestFilter {

    static final String PATH = "/unternehmen";

    private final DirectoryApi directory;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Cache<Key, Page> pages;

    SearchPageCache(DirectoryApi directory, LocaleResolver locales, Clock clock, DirectoryProperties settings) {
        this.directory = directory;
        this.locales = locales;
        this.clock = clock;
        this.pages = settings.searchCacheTtl().isZero() || settings.searchCacheTtl().isNegative()
                ? null
                : Caffeine.newBuilder().expireAfterWrite(settings.searchCacheTtl()).maximumSize(settings.searchCacheSize()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pages == null || !"GET".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!anonymous(request)) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Key key = new Key(parameters(request), locale, directory.dataVersion(),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        Page page = pages.getIfPresent(key);
        if (page != null) {
            response.setContentType(page.contentType());
            response.setLocale(locale);
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && !wrapper.containsHeader("Set-Cookie")
                && request.getSession(false) == null) {
            pages.put(key, new Page(wrapper.getContentType(), wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    /** The request's parameters in one order: "?a=1&b=2" and "?b=2&a=1" are the same page. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    /**
     * Not logged in, no session and no cookie but the language choice; a language switch (?lang=)
     * sets a cookie, so that request is rendered.
     */
    private static boolean anonymous(HttpServletRequest request) {
        if (CurrentUser.get() != null || request.getParameter("lang") != null || request.getSession(false) != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (!"sprache".equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Key(Map<String, List<String>> parameters, Locale locale, long version, LocalDateTime minute) {
    }

    private record Page(String contentType, byte[] body) {
    }
}
