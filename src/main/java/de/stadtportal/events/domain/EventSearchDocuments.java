package de.stadtportal.events.domain;

import java.util.List;

import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The events' part of the portal-wide search: every published event with its category, place and organiser. */
@Component
@Transactional(readOnly = true)
class EventSearchDocuments implements SearchableSource {

    private final JdbcClient jdbc;

    EventSearchDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "event";
    }

    @Override
    public String labelKey() {
        return "events.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        return jdbc.sql("""
                SELECT e.slug, e.title, c.name AS category, coalesce(e.place_name, '') AS place, e.organiser, e.description,
                       e.updated_at
                FROM event e JOIN event_category c ON c.id = e.category_id
                WHERE e.status = 'PUBLISHED' ORDER BY e.id""")
                .query((rs, row) -> new SearchableDocument(kind(), rs.getString("slug"), rs.getString("title"),
                        rs.getString("category") + " · " + rs.getString("place") + " · " + rs.getString("organiser") + "\n"
                                + rs.getString("description"),
                        "/veranstaltungen/" + rs.getString("slug"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
