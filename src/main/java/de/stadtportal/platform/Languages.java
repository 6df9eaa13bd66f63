package de.stadtportal.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every page has one address per language: German without a prefix ({@code /unternehmen}), English
 * under {@code /en} ({@code /en/unternehmen}). The language depends on the address alone, never on a
 * cookie, so a proxy may cache each page per address. Files, data and feeds have one address only.
 */
public final class Languages {

    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final String ENGLISH_PREFIX = "/en";
    /** The request attribute holding the language of the request (set by the platform's LanguageFilter). */
    public static final String ATTRIBUTE = Languages.class.getName() + ".locale";

    /** Paths that are the same in every language: assets, data, feeds, probes, files for crawlers. */
    private static final List<String> NEUTRAL = List.of("/assets/", "/webjars/", "/api/", "/actuator", "/livez", "/readyz",
            "/favicon", "/icon", "/manifest.webmanifest", "/sitemap.xml", "/robots.txt", "/css/", "/js/", "/img/", "/error");

    private Languages() {
    }

    /** The language of a request: English under /en or with ?lang=en (old links), German otherwise. */
    public static Locale of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : GERMAN;
    }

    /** True for a path that has no English address of its own (a file, data, a feed, a probe). */
    public static boolean neutral(String path) {
        for (String prefix : NEUTRAL) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        // a file extension in the last segment: .ics, .atom, .csv, .vcf, images
        return path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** The English address of a German path ("/" → "/en/", "/unternehmen" → "/en/unternehmen"). */
    public static String english(String germanPath) {
        return ENGLISH_PREFIX + (germanPath.startsWith("/") ? germanPath : "/" + germanPath);
    }

    /** The path without the English prefix, or null when the path has none. */
    public static String withoutEnglishPrefix(String path) {
        if (path.equals(ENGLISH_PREFIX)) {
            return "/";
        }
        return path.startsWith(ENGLISH_PREFIX + "/") ? path.substring(ENGLISH_PREFIX.length()) : null;
    }
}
