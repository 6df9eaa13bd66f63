package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Map;

import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.DataVersion;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff-edited lists of categories (Branchen, in a chosen order) and districts (Stadtteile).
 * The slug of an entry stays when it is renamed, so bookmarked search links keep working. Each has an
 * optional English name for the English pages (without one they show the German name, marked lang="de").
 */
@Service
@Transactional
public class CatalogService {

    public enum Kind {
        CATEGORY("category", "Branche"), DISTRICT("district", "Stadtteil");

        final String table;
        final String entity;

        Kind(String table, String entity) {
            this.table = table;
            this.entity = entity;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcClient jdbcClient;
    private final AuditLog auditLog;

    CatalogService(NamedParameterJdbcTemplate jdbc, JdbcClient jdbcClient, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.jdbcClient = jdbcClient;
        this.auditLog = auditLog;
    }

    /**
     * The portal-wide search's documents of businesses are written per directory version (BusinessSearchDocuments);
     * the trigger draws the number before this commit, so one more after it keeps a reader in between from
     * keeping the old category and district names.
     */
    private void changed() {
        DataVersion.advanceAfterCommit(jdbcClient, "directory_version");
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(Kind kind) {
        String column = kind == Kind.CATEGORY ? "b.category_id" : "b.district_id";
        String order = kind == Kind.CATEGORY ? "e.position, e.name" : "e.name";
        return jdbc.query("SELECT e.id, e.slug, e.name, e.name_en, " + (kind == Kind.CATEGORY ? "e.position" : "0 AS position")
                        + ", (SELECT count(*) FROM business b WHERE " + column + " = e.id) AS used FROM " + kind.table
                        + " e ORDER BY " + order, Map.of(),
                (rs, i) -> new Entry(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("name_en"),
                        rs.getInt("position"), rs.getLong("used")));
    }

    /** @return false when an entry of that name exists already */
    public boolean add(Kind kind, String name, String nameEn, int position) {
        if (nameTaken(kind, name, -1)) {
            return false;
        }
        String slug = uniqueSlug(kind, name);
        Long id = jdbc.queryForObject("INSERT INTO " + kind.table + " (slug, name, name_en" + (kind == Kind.CATEGORY ? ", position" : "")
                        + ") VALUES (:slug, :name, :nameEn" + (kind == Kind.CATEGORY ? ", :position" : "") + ") RETURNING id",
                new MapSqlParameterSource("slug", slug).addValue("name", name.strip()).addValue("nameEn", english(nameEn))
                        .addValue("position", position), Long.class);
        changed();
        auditLog.record(kind.entity, id, "CREATED", Map.of(), Map.of("name", name.strip(), "nameEn", String.valueOf(english(nameEn)),
                "slug", slug));
        return true;
    }

    /** @return false when another entry has that name */
    public boolean rename(Kind kind, long id, String name, String nameEn, int position) {
        if (nameTaken(kind, name, id)) {
            return false;
        }
        Entry before = find(kind, id);
        jdbc.update("UPDATE " + kind.table + " SET name = :name, name_en = :nameEn" + (kind == Kind.CATEGORY ? ", position = :position" : "")
                + " WHERE id = :id", new MapSqlParameterSource("id", id).addValue("name", name.strip()).addValue("nameEn", english(nameEn))
                .addValue("position", position));
        changed();
        auditLog.record(kind.entity, id, "UPDATED", Map.of("name", before.name(), "nameEn", String.valueOf(before.nameEn()),
                        "position", before.position()),
                Map.of("name", name.strip(), "nameEn", String.valueOf(english(nameEn)), "position", kind == Kind.CATEGORY ? position : 0));
        return true;
    }

    /** @return false when listings still use the entry */
    public boolean delete(Kind kind, long id) {
        Entry entry = find(kind, id);
        if (entry.used() > 0) {
            return false;
        }
        jdbc.update("DELETE FROM " + kind.table + " WHERE id = :id", Map.of("id", id));
        changed();
        auditLog.record(kind.entity, id, "DELETED", Map.of("name", entry.name()), Map.of());
        return true;
    }

    @Transactional(readOnly = true)
    public boolean exists(Kind kind, long id) {
        return entries(kind).stream().anyMatch(e -> e.id() == id);
    }

    private Entry find(Kind kind, long id) {
        return entries(kind).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static String english(String nameEn) {
        return nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
    }

    private boolean nameTaken(Kind kind, String name, long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + kind.table
                        + " WHERE lower(name) = lower(:name) AND id <> :id)",
                new MapSqlParameterSource("name", name.strip()).addValue("id", exceptId), Boolean.class));
    }

    private String uniqueSlug(Kind kind, String name) {
        String base = ListingRegistration.slugBase(name);
        String slug = base;
        for (int n = 2; Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + kind.table
                + " WHERE slug = :slug)", Map.of("slug", slug), Boolean.class)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** @param used how many listings (of any status) use this entry */
    public record Entry(long id, String slug, String name, String nameEn, int position, long used) {
    }
}
