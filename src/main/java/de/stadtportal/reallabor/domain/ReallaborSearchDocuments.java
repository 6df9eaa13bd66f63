package de.stadtportal.reallabor.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Reallabore and each of their measures (linked to its heading on the Reallabor's page) in the portal-wide search. */
@Component
@Transactional(readOnly = true)
class ReallaborSearchDocuments implements SearchableSource {

    private final JdbcClient jdbc;

    ReallaborSearchDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "reallabor";
    }

    @Override
    public String labelKey() {
        return "reallabor.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        // the content changes with a migration (so far): the migrations' time is its date
        Instant changed = jdbc.sql("SELECT coalesce(max(installed_on), now()) FROM flyway_schema_history WHERE script LIKE '%reallabor%'")
                .query(java.sql.Timestamp.class).single().toInstant();
        List<SearchableDocument> documents = new ArrayList<>(jdbc.sql(
                        "SELECT slug, title, summary, background, outlook FROM reallabor ORDER BY position")
                .query((rs, row) -> new SearchableDocument(kind(), rs.getString("slug"), rs.getString("title"),
                        rs.getString("summary") + "\n" + rs.getString("background") + "\n" + rs.getString("outlook"),
                        "/reallabore/" + rs.getString("slug"), changed))
                .list());
        documents.addAll(jdbc.sql("""
                        SELECT r.slug, m.position, m.title, m.coordination,
                               concat_ws(E'\\n',
                                   (SELECT string_agg(text, E'\\n' ORDER BY position) FROM measure_activity WHERE measure_id = m.id),
                                   (SELECT string_agg(text, E'\\n' ORDER BY position) FROM measure_target_group WHERE measure_id = m.id),
                                   (SELECT string_agg(text, E'\\n' ORDER BY position) FROM measure_added_value WHERE measure_id = m.id),
                                   (SELECT string_agg(text, E'\\n' ORDER BY position) FROM measure_result WHERE measure_id = m.id)) AS text
                        FROM measure m JOIN reallabor r ON r.id = m.reallabor_id ORDER BY r.position, m.position""")
                .query((rs, row) -> new SearchableDocument(kind(), rs.getString("slug") + "/" + rs.getInt("position"),
                        rs.getString("title"), rs.getString("coordination") + "\n" + rs.getString("text"),
                        "/reallabore/" + rs.getString("slug") + "#measure-" + rs.getInt("position"), changed))
                .list());
        return documents;
    }
}
