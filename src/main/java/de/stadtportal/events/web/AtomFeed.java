package de.stadtportal.events.web;

import static de.stadtportal.platform.Xml.escape;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.Occurrence;
import org.springframework.stereotype.Component;

/** Atom (RFC 4287) of the coming dates, built by hand; every text is XML-escaped. */
@Component
class AtomFeed {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm", Locale.GERMANY);

    private final EventCatalog events;
    private final Clock clock;

    AtomFeed(EventCatalog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    String render(List<Occurrence> occurrences) {
        String base = events.baseUrl();
        String updated = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0).toString();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n")
                .append("  <title>Stadtportal Bottrop – Veranstaltungen</title>\n")
                .append("  <id>").append(escape(base + "/veranstaltungen")).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(base + "/veranstaltungen.atom")).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base + "/veranstaltungen")).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>Stadt Bottrop, Wirtschaftsförderung</name></author>\n");
        for (Occurrence occurrence : occurrences) {
            String link = base + "/veranstaltungen/" + occurrence.event().slug();
            xml.append("  <entry>\n")
                    .append("    <title>").append(escape(occurrence.event().title() + " – " + occurrence.start().format(WHEN)))
                    .append("</title>\n")
                    .append("    <id>").append(escape("urn:stadtportal:event:" + occurrence.event().id() + ":" + occurrence.key()))
                    .append("</id>\n")
                    .append("    <link href=\"").append(escape(link)).append("\"/>\n")
                    .append("    <updated>").append(updated).append("</updated>\n")
                    .append("    <category term=\"").append(escape(occurrence.event().categorySlug())).append("\" label=\"")
                    .append(escape(occurrence.event().categoryName())).append("\"/>\n")
                    .append("    <summary>").append(escape(occurrence.event().description())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }
}
