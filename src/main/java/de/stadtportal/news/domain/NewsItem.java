package de.stadtportal.news.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import de.stadtportal.news.NewsImage;
import de.stadtportal.news.NewsTeaser;
import de.stadtportal.news.NewsTopic;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;

/**
 * One news item as stored. The body's HTML was rendered and cleaned when saved; {@link #body()} cleans it again.
 * {@code image} is null when the item has none.
 */
public record NewsItem(long id, String slug, NewsData data, String bodyHtml, String bodyEnHtml, boolean example,
                       long version, Instant updatedAt, NewsImage image) {

    public Localized title() {
        return Localized.of(data.title(), data.titleEn());
    }

    public Localized teaser() {
        return Localized.of(data.teaser(), data.teaserEn());
    }

    /** The body as HTML for a page (cleaned again on the way out), German where there is no English. */
    public Localized body() {
        return Localized.of(RichText.clean(bodyHtml), bodyEnHtml == null ? null : RichText.clean(bodyEnHtml));
    }

    public ZonedDateTime publishAt() {
        return data.publishAt();
    }

    public List<NewsTopic> topics() {
        return data.topics();
    }

    /** Whether visitors see it: its publish time has passed. */
    public boolean publishedAt(Instant now) {
        return !data.publishAt().toInstant().isAfter(now);
    }

    public NewsTeaser teaserView() {
        return new NewsTeaser(slug, title(), teaser(), data.publishAt(), data.topics(), image);
    }
}
