package de.stadtportal.search;

import java.time.Instant;

/**
 * One page or record as the portal-wide search shows it. {@code kind} names what it is (one word,
 * e.g. "business"), {@code key} identifies it within its kind, {@code url} is the portal-relative
 * address of its public page. Text is plain (no markup); the search escapes it on output.
 */
public record SearchableDocument(String kind, String key, String language, String title, String text, String url,
                                 Instant updated) {

    public SearchableDocument {
        if (kind == null || !kind.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("kind must be a lower-case word: " + kind);
        }
        if (url == null || !url.startsWith("/")) {
            throw new IllegalArgumentException("url must be portal-relative: " + url);
        }
        language = "en".equals(language) ? "en" : "de";
        title = cut(title, 300);
        text = text == null ? "" : text;
    }

    /** A German document. */
    public SearchableDocument(String kind, String key, String title, String text, String url, Instant updated) {
        this(kind, key, "de", title, text, url, updated);
    }

    private static String cut(String value, int max) {
        String text = value == null ? "" : value.strip();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
