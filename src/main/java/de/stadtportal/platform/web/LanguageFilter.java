package de.stadtportal.platform.web;

import java.io.IOException;
import java.util.Locale;

import de.stadtportal.platform.Languages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The language lives in the address: {@code /en/...} is the English page of {@code /...}. For such a
 * request the rest of the portal (security, controllers, the page cache) sees the path without the
 * prefix and the language English; the links the page writes ({@code @{...}} in Thymeleaf and
 * redirects, both through {@code encodeURL}) get the prefix back, except files, data and feeds,
 * which have one address only. {@code ?lang=en} of older links still shows English for that request
 * (its canonical address is the /en one); no cookie remembers anything, so an address always shows
 * the same language.
 * <p>Spring Security's DisableEncodeUrlFilter answers {@code encodeURL} itself (so no session id ever
 * lands in a link), so links are rewritten by {@link Links} inside the security chain; this filter,
 * outside it, rewrites redirects (the login page's among them).
 */
@Component
// outside Spring Session and Spring Security, which must see the path without the prefix
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LanguageFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page of an English address is English too
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        String path = error && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(Math.min(context.length(), uri.length()))
                : request.getRequestURI().substring(context.length());
        String stripped = Languages.withoutEnglishPrefix(path);
        Locale locale = stripped != null ? Languages.ENGLISH : Languages.GERMAN;
        // a form's body is not read here (multipart limits come later); a GET has none
        String asked = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                ? request.getParameter("lang") : langParameter(request.getQueryString());
        if ("en".equals(asked)) {
            locale = Languages.ENGLISH;
        } else if ("de".equals(asked)) {
            locale = Languages.GERMAN;
        }
        request.setAttribute(Languages.ATTRIBUTE, locale);
        HttpServletRequest inner = stripped != null && !error ? new WithoutPrefix(request, context + stripped) : request;
        HttpServletResponse outer = locale == Languages.ENGLISH ? new EnglishLinks(response, context, origin(request)) : response;
        chain.doFilter(inner, outer);
    }

    /** scheme://host[:port] of the request, as absolute links to the portal itself start. */
    static String origin(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return path < 0 ? url : url.substring(0, path);
    }

    /** Rewrites the links of English pages; inside Spring Security (see above), outside the resource URL encoding. */
    @Component
    @Order(0)
    static class Links extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, Languages.of(request) == Languages.ENGLISH
                    ? new EnglishLinks(response, request.getContextPath(), origin(request)) : response);
        }
    }

    /** The value of {@code lang} in the query string; parameters are not parsed here (that would read a form body). */
    static String langParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return pair.substring(5);
            }
        }
        return null;
    }

    /** The request as the portal sees it: the path without /en. */
    static final class WithoutPrefix extends HttpServletRequestWrapper {

        private final String uri;

        WithoutPrefix(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public String getServletPath() {
            return uri.substring(getContextPath().length());
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            String original = super.getRequestURI();
            int at = url.lastIndexOf(original);
            return at < 0 ? url : url.replace(at, at + original.length(), uri);
        }
    }

    /** Links of an English page stay English: app-relative paths get /en, files and data do not. */
    static final class EnglishLinks extends HttpServletResponseWrapper {

        private final String context;
        private final String origin;

        EnglishLinks(HttpServletResponse response, String context, String origin) {
            super(response);
            this.context = context;
            this.origin = origin;
        }

        @Override
        public String encodeURL(String url) {
            return super.encodeURL(english(url));
        }

        @Override
        public String encodeRedirectURL(String url) {
            return super.encodeRedirectURL(english(url));
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(english(location));
        }

        String english(String url) {
            if (url != null && url.startsWith(origin + context + "/")) {
                // an absolute link to the portal itself (Spring Security's redirects to the login page)
                return origin + english(url.substring(origin.length()));
            }
            if (url == null || !url.startsWith(context + "/") || url.startsWith(context + "//")) {
                return url; // absolute, protocol-relative, relative or fragment-only: left as written
            }
            String path = url.substring(context.length());
            int end = indexOfAny(path, "?#");
            String bare = end < 0 ? path : path.substring(0, end);
            if (Languages.withoutEnglishPrefix(bare) != null || Languages.neutral(bare)) {
                return url;
            }
            return context + Languages.english(path);
        }

        private static int indexOfAny(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
