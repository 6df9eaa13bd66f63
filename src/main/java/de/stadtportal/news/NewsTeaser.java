package de.stadtportal.news;

import java.time.ZonedDateTime;
import java.util.List;

import de.stadtportal.platform.Localized;

/**
 * A published news item as lists and other pages show it: title and teaser, German with optional English;
 * {@code image} null when it has none.
 */
public record NewsTeaser(String slug, Localized title, Localized teaser, ZonedDateTime publishedAt, List<NewsTopic> topics,
                         NewsImage image) {

    public String url() {
        return "/aktuelles/" + slug;
    }
}
