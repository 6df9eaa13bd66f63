package de.stadtportal.news.web;

import static de.stadtportal.platform.Xml.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import de.stadtportal.news.domain.NewsItem;
import de.stadtportal.platform.PortalProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The news as Atom (RFC 4287), built by hand like the events' feed: every text XML-escaped, the body's
 * cleaned HTML carried as escaped text in {@code <content type="html">}.
 */
@Component
class NewsFeed {

    private static final java.util.Locale GERMAN = java.util.Locale.GERMAN;
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final PortalProperties properties;
    private final MessageSource messages;

    NewsFeed(PortalProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    String render(List<NewsItem> items) {
        String base = properties.baseUrl();
        Instant newest = items.stream().map(i -> max(i.updatedAt(), i.publishAt().toInstant()))
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n")
                .append("  <title>").append(escape(messages.getMessage("news.feed.title", null, GERMAN))).append("</title>\n")
                .append("  <id>").append(escape(base + "/aktuelles")).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(base + "/aktuelles.atom")).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base + "/aktuelles")).append("\"/>\n")
                .append("  <updated>").append(time(newest)).append("</updated>\n")
                .append("  <author><name>").append(escape(properties.operator().name())).append("</name></author>\n");
        for (NewsItem item : items) {
            xml.append("  <entry>\n")
                    .append("    <title>").append(escape(item.data().title())).append("</title>\n")
                    .append("    <id>").append(escape("urn:stadtportal:news:" + item.id())).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base + "/aktuelles/" + item.slug()))
                    .append("\"/>\n")
                    .append("    <published>").append(time(item.publishAt().toInstant())).append("</published>\n")
                    .append("    <updated>").append(time(max(item.updatedAt(), item.publishAt().toInstant()))).append("</updated>\n");
            item.topics().forEach(topic -> xml.append("    <category term=\"").append(topic.key()).append("\" label=\"")
                    .append(escape(messages.getMessage(topic.labelKey(), null, GERMAN))).append("\"/>\n"));
            xml.append("    <summary>").append(escape(item.data().teaser())).append("</summary>\n")
                    .append("    <content type=\"html\">").append(escape(item.body().de())).append("</content>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String time(Instant instant) {
        // RFC 3339 with seconds always written (OffsetDateTime.toString drops ":00")
        return RFC_3339.format(instant.atOffset(ZoneOffset.UTC));
    }
}
