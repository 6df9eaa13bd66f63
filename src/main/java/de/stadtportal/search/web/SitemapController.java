package de.stadtportal.search.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.stadtportal.platform.Languages;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.search.SearchApi;
import de.stadtportal.search.SearchableDocument;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * For search engines: /sitemap.xml lists every public page (the portal's GET routes without
 * variables) and every public record (the search documents, with their date), each in German and
 * English (/en/...) with both named as alternates, /robots.txt keeps
 * crawlers out of the staff and account areas and names the sitemap.
 */
@RestController
class SitemapController {

    /** Routes that are no page of their own: staff, accounts, data and feeds, and pages reached only after a form or from a mail. */
    static final List<String> NOT_PAGES = List.of("/admin", "/konto", "/api/", "/error", "/suche",
            "/mitmachen/danke", "/mitmachen/uebernehmen", "/veranstaltungen/abmelden");

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final SearchApi search;
    private final RequestMappingHandlerMapping mappings;
    private final PortalProperties properties;
    /** Pages without a record of their own change with the software: the start of this instance is their date. */
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    SitemapController(SearchApi search, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
                      PortalProperties properties) {
        this.search = search;
        this.mappings = mappings;
        this.properties = properties;
    }

    /** The public pages among the portal's routes: GET, no path variable, no file extension, not in {@link #NOT_PAGES}. */
    Set<String> pages() {
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{") && !pattern.contains("*") && !pattern.substring(pattern.lastIndexOf('/')).contains(".")
                        && NOT_PAGES.stream().noneMatch(prefix -> pattern.equals(prefix) || pattern.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"))) {
                    pages.add(pattern);
                }
            }
        });
        return pages;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        Map<String, Instant> entries = new LinkedHashMap<>();
        pages().forEach(page -> entries.put(page, started));
        for (SearchableDocument document : search.documents()) {
            String url = document.url();
            if (!url.contains("#")) { // a measure is a part of its Reallabor's page, not a page
                entries.merge(url, document.updated(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        String base = properties.baseUrl().replaceAll("/+$", "");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        entries.forEach((url, updated) -> {
            String lastmod = W3C.format(updated.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
            if (Languages.neutral(url)) {
                xml.append("  <url><loc>").append(escape(base + url)).append("</loc><lastmod>").append(lastmod).append("</lastmod></url>\n");
                return;
            }
            // each language's address is an entry of its own, and each names both (as hreflang in the pages' head)
            String german = escape(base + url);
            String english = escape(base + Languages.english(url));
            String alternates = "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"" + german + "\"/>"
                    + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + english + "\"/>"
                    + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + german + "\"/>";
            for (String loc : List.of(german, english)) {
                xml.append("  <url><loc>").append(loc).append("</loc><lastmod>").append(lastmod).append("</lastmod>")
                        .append(alternates).append("</url>\n");
            }
        });
        xml.append("</urlset>\n");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(xml.toString());
    }

    private static String escape(String url) {
        return HtmlUtils.htmlEscape(url, "UTF-8");
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String base = properties.baseUrl().replaceAll("/+$", "");
        String body = """
                User-agent: *
                Disallow: /admin
                Disallow: /konto
                Disallow: /suche
                Disallow: /en/admin
                Disallow: /en/konto
                Disallow: /en/suche
                Allow: /

                Sitemap: %s/sitemap.xml
                """.formatted(base);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic()).body(body);
    }
}
