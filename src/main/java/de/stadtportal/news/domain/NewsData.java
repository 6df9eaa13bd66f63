package de.stadtportal.news.domain;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.news.NewsTopic;

/**
 * What staff write of a news item. Title and teaser are plain text, the bodies Markdown; English fields
 * may be null. {@code publishAt} in the city's time: the item is public from then on. {@code imageId} names a
 * row of news_image (null: no image), {@code imageAlt} its alt text and {@code imageAltEn} the optional English
 * one; all are part of a kept version.
 */
public record NewsData(String title, String titleEn, String teaser, String teaserEn, String body, String bodyEn,
                       List<NewsTopic> topics, ZonedDateTime publishAt, Long imageId, String imageAlt, String imageAltEn) {

    /** Without an image. */
    public NewsData(String title, String titleEn, String teaser, String teaserEn, String body, String bodyEn,
                    List<NewsTopic> topics, ZonedDateTime publishAt) {
        this(title, titleEn, teaser, teaserEn, body, bodyEn, topics, publishAt, null, null, null);
    }

    public NewsData {
        // minutes are what staff set; seconds would only clutter the datetime attributes and the feed
        publishAt = publishAt == null ? null : publishAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        topics = topics == null ? List.of() : List.copyOf(topics.stream().distinct().sorted().toList());
        imageAlt = imageAlt == null ? null : imageAlt.strip();
        imageAltEn = imageAltEn == null || imageAltEn.isBlank() ? null : imageAltEn.strip();
    }

    /** The same text with another image (null: none) and the same alt texts. */
    public NewsData withImage(Long id) {
        return new NewsData(title, titleEn, teaser, teaserEn, body, bodyEn, topics, publishAt, id, imageAlt, imageAltEn);
    }

    /** The same text without an image. */
    public NewsData withoutImage() {
        return new NewsData(title, titleEn, teaser, teaserEn, body, bodyEn, topics, publishAt, null, null, null);
    }

    /** As written to the audit log and kept as an earlier version. */
    Map<String, Object> audit() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("titleEn", titleEn);
        fields.put("teaser", teaser);
        fields.put("teaserEn", teaserEn);
        fields.put("body", body);
        fields.put("bodyEn", bodyEn);
        fields.put("topics", topics.stream().map(Enum::name).toList());
        fields.put("publishAt", publishAt.toOffsetDateTime().toString());
        if (imageId != null) {
            fields.put("imageId", imageId);
            fields.put("imageAlt", imageAlt);
            if (imageAltEn != null) {
                fields.put("imageAltEn", imageAltEn);
            }
        }
        return fields;
    }

    /** An item as {@link #audit()} kept it, for restoring an earlier version. */
    @SuppressWarnings("unchecked")
    static NewsData of(Map<String, Object> state) {
        List<NewsTopic> topics = ((List<String>) state.getOrDefault("topics", List.of())).stream()
                .map(NewsTopic::valueOf).toList();
        return new NewsData(text(state, "title"), text(state, "titleEn"), text(state, "teaser"), text(state, "teaserEn"),
                text(state, "body"), text(state, "bodyEn"), topics,
                java.time.OffsetDateTime.parse(text(state, "publishAt"))
                        .atZoneSameInstant(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE),
                state.get("imageId") instanceof Number n ? n.longValue() : null, text(state, "imageAlt"), text(state, "imageAltEn"));
    }

    private static String text(Map<String, Object> state, String key) {
        Object value = state.get(key);
        return value == null ? null : value.toString();
    }
}
