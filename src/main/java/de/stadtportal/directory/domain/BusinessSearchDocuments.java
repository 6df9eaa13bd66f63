package de.stadtportal.directory.domain;

import java.util.List;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The directory's part of the portal-wide search: every published listing, re-read when the directory's data version moves. */
@Component
@Transactional(readOnly = true)
class BusinessSearchDocuments implements SearchableSource {

    private final JdbcClient jdbc;
    private final DirectoryApi directory;

    BusinessSearchDocuments(JdbcClient jdbc, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public String kind() {
        return "business";
    }

    @Override
    public String labelKey() {
        return "directory.search.kind";
    }

    @Override
    public long version() {
        return directory.dataVersion();
    }

    @Override
    public List<SearchableDocument> documents() {
        return jdbc.sql("""
                SELECT b.slug, b.name, c.name AS category, c.name_en AS category_en, d.name AS district, b.street, b.tags, b.description,
                       coalesce(b.last_confirmed_at, b.created_at) AS updated
                FROM business b JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id
                WHERE b.status = 'PUBLISHED' ORDER BY b.id""")
                .query((rs, row) -> new SearchableDocument(kind(), rs.getString("slug"), rs.getString("name"),
                        String.join(" · ", nonBlank(rs.getString("category"), rs.getString("category_en"), rs.getString("district"), rs.getString("street"),
                                rs.getString("tags"))) + "\n" + rs.getString("description"),
                        "/unternehmen/" + rs.getString("slug"), rs.getTimestamp("updated").toInstant()))
                .list();
    }

    private static List<String> nonBlank(String... values) {
        return java.util.Arrays.stream(values).filter(value -> value != null && !value.isBlank()).toList();
    }
}
