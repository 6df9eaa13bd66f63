package de.stadtportal.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import de.stadtportal.platform.Languages;
import de.stadtportal.platform.database.PublicDataVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching. Every dynamic answer is {@code private, no-store} unless its handler says otherwise.
 * A GET of a public page by an anonymous visitor (no session cookie, not /konto or /admin) becomes
 * {@code public, max-age} (portal.http-cache.max-age) with an ETag made of the data version
 * ({@link PublicDataVersion}, advanced at the commit of every change to public data), the language, the build and
 * the current period of max-age (pages show "now": open now, the next dates); a matching
 * If-None-Match is answered 304 without rendering. An answer that sets a cookie (a form's CSRF token
 * opens a session: /mitmachen, registration, booking, reports) or is not 200 stays private. The
 * version is read before the page, so a page is never older than the version its ETag names.
 * Static assets keep the long cache of Spring's resource handling and are not touched here.
 * <p>Such a public page is also kept in memory ({@link PageCache}, portal.http-cache.pages, 0 = off):
 * the next anonymous visitor of the same address gets the same bytes without rendering.
 */
@Component
// inside LanguageFilter (sees the path without /en), outside Spring Session (sees its Set-Cookie)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class HttpCacheFilter extends OncePerRequestFilter {

    static final String PRIVATE = "private, no-store";
    static final String SESSION_COOKIE = "SESSION";
    /** Request attribute: the page was rendered for a logged-in person. */
    static final String PERSONAL = HttpCacheFilter.class.getName() + ".personal";
    /** How long a request waits for another one rendering the same page before it renders it itself. */
    private static final Duration RENDERING_PATIENCE = Duration.ofSeconds(3);
    private static final String[] PRIVATE_AREAS = {"/konto", "/admin", "/actuator"};
    private static final String[] ASSETS = {"/assets/", "/webjars/", "/favicon.ico", "/icon-", "/manifest.webmanifest"};

    private final PublicDataVersion dataVersion;
    private final Clock clock;
    private final long maxAgeSeconds;
    private final String build;
    private final PageCache pages;

    HttpCacheFilter(PublicDataVersion dataVersion, Clock clock, @Value("${portal.http-cache.max-age:60s}") Duration maxAge,
                    @Value("${portal.http-cache.pages:64MB}") DataSize pageMemory, Optional<BuildProperties> build) {
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.maxAgeSeconds = maxAge.toSeconds();
        this.pages = new PageCache(pageMemory, Duration.ofSeconds(period()));
        // without build information (an IDE run) this start stands for the build
        this.build = build.map(b -> b.getVersion() + "." + b.getTime().getEpochSecond())
                .orElse(String.valueOf(Instant.now().getEpochSecond()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        for (String asset : ASSETS) {
            if (uri.startsWith(asset, start)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        String etag = cacheable(request) ? etag(request) : null;
        if (etag == null) {
            chain.doFilter(request, response);
            return;
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            publicHeaders(response, etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        PageCache.Key key = pages.enabled() ? PageCache.key(request, Languages.of(request).getLanguage()) : null;
        if (key != null && pages.answer(key, etag, request, response)) {
            return;
        }
        if (key != null) {
            pages.missed(key);
        }
        // one GET renders a missing page, the others of the same moment wait for it (see PageCache)
        boolean renders = false;
        if (key != null && "GET".equals(request.getMethod()) && pages.mayBeKept(key)) {
            Boolean finished;
            try {
                finished = pages.awaitOtherRendering(key, RENDERING_PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            }
            if (finished != null && pages.answer(key, etag, request, response)) {
                return;
            }
            renders = finished == null;
        }
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        boolean answered = false;
        try {
            chain.doFilter(request, page);
            if (page.getStatus() == HttpServletResponse.SC_OK && PRIVATE.equals(page.getHeader(HttpHeaders.CACHE_CONTROL))
                    && page.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() && request.getAttribute(PERSONAL) == null
                    && !response.isCommitted()) {
                publicHeaders(page, etag);
                kept = key != null && pages.keep(key, etag, request, page);
                // a browser gets the page as just kept, gzipped once, not compressed a second time by the connector
                answered = kept && PageCache.acceptsGzip(request) && pages.answer(key, etag, request, response);
            }
        } finally {
            if (renders) {
                pages.rendered(key, kept);
            }
            if (!answered) {
                page.copyBodyToResponse();
            }
        }
    }

    /** Seconds of one ETag period: pages that show "now" (open now, the next dates) are at most this old. */
    private long period() {
        return Math.max(maxAgeSeconds, 60);
    }

    private void publicHeaders(HttpServletResponse response, String etag) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds);
        response.setHeader(HttpHeaders.ETAG, etag);
        // a shared cache must not hand the anonymous page to someone with a session
        response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Encoding");
    }

    /** GET or HEAD of a public page without a session cookie or credentials. */
    static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        for (String area : PRIVATE_AREAS) {
            int end = start + area.length();
            if (uri.startsWith(area, start) && (uri.length() == end || uri.charAt(end) == '/')) {
                return false;
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        // a session the container already holds (not Spring Session's, which wraps the request later): personal too
        return request.getSession(false) == null;
    }

    /** Weak (compression changes the bytes, not the page): data version, language, build, period. Null without a database. */
    String etag(HttpServletRequest request) {
        OptionalLong version = dataVersion.current(request);
        if (version.isEmpty()) {
            return null;
        }
        long period = clock.instant().getEpochSecond() / period();
        return "W/\"" + version.getAsLong() + "-" + Languages.of(request).getLanguage() + "-" + build + "-" + period + "\"";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(bare) || tag.startsWith("W/") && tag.substring(2).equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
