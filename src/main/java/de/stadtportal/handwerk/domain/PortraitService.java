package de.stadtportal.handwerk.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Gesichter des Handwerks": short portraits of craft businesses on /handwerk. Plain text only; a portrait
 * may name a listing of the business directory, linked only while that listing is published.
 */
@Service
@Transactional
public class PortraitService {

    public static final int MAX_TEXT = 1500;
    static final String ENTITY = "Handwerksporträt";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final DirectoryApi directory;

    PortraitService(JdbcClient jdbc, Clock clock, AuditLog auditLog, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
        this.directory = directory;
    }

    /** Every portrait, for staff, in the order of the public page. */
    @Transactional(readOnly = true)
    public List<Portrait> all() {
        return jdbc.sql("SELECT * FROM craft_portrait ORDER BY position, name, id").query(PORTRAIT).list();
    }

    /** The published portraits, each with whether its directory listing is published at this moment. */
    @Transactional(readOnly = true)
    public List<PublicPortrait> published() {
        return jdbc.sql("SELECT * FROM craft_portrait WHERE published ORDER BY position, name, id").query(PORTRAIT).stream()
                .map(p -> new PublicPortrait(p, p.directorySlug() != null && listingPublished(p.directorySlug())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Portrait> find(long id) {
        return jdbc.sql("SELECT * FROM craft_portrait WHERE id = :id").param("id", id).query(PORTRAIT).optional();
    }

    /** Whether the business directory has a published listing with this slug. */
    @Transactional(readOnly = true)
    public boolean listingPublished(String slug) {
        return directory.idOf(slug).isPresent();
    }

    /** Whether another portrait already has this name and Gewerk. */
    @Transactional(readOnly = true)
    public boolean taken(String name, String trade, Long exceptId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM craft_portrait WHERE name = :name AND trade = :trade
                               AND (CAST(:id AS BIGINT) IS NULL OR id <> :id))""")
                .param("name", name).param("trade", trade).param("id", exceptId, java.sql.Types.BIGINT).query(Boolean.class).single();
    }

    /** Creates (id null) or changes a portrait. @return its id */
    public long save(Long id, PortraitData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", data.name());
        params.put("trade", data.trade());
        params.put("text", data.text());
        params.put("slug", data.directorySlug());
        params.put("position", data.position());
        params.put("published", data.published());
        params.put("now", OffsetDateTime.now(clock));
        if (id == null) {
            long created = jdbc.sql("""
                    INSERT INTO craft_portrait (name, trade, text, directory_slug, position, published, created_at, updated_at)
                    VALUES (:name, :trade, :text, :slug, :position, :published, :now, :now) RETURNING id""")
                    .params(params).query(Long.class).single();
            auditLog.record(ENTITY, created, "CREATED", Map.of(), data.audit());
            return created;
        }
        Portrait before = find(id).orElseThrow();
        params.put("id", id);
        jdbc.sql("""
                UPDATE craft_portrait SET name = :name, trade = :trade, text = :text, directory_slug = :slug,
                       position = :position, published = :published, updated_at = :now WHERE id = :id""")
                .params(params).update();
        auditLog.record(ENTITY, id, "CHANGED", before.data().audit(), data.audit());
        return id;
    }

    /** @return false when there was no such portrait */
    public boolean delete(long id) {
        Optional<Portrait> before = find(id);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM craft_portrait WHERE id = :id").param("id", id).update();
        auditLog.record(ENTITY, id, "DELETED", before.get().data().audit(), Map.of());
        return true;
    }

    /** Line breaks as \n, no blank lines at start or end; the form of the text that is stored and counted. */
    public static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static final RowMapper<Portrait> PORTRAIT = (rs, i) -> new Portrait(rs.getLong("id"), rs.getString("name"),
            rs.getString("trade"), rs.getString("text"), rs.getString("directory_slug"), rs.getInt("position"),
            rs.getBoolean("published"), rs.getBoolean("example"));

    /** What staff enter. @param directorySlug null: no listing */
    public record PortraitData(String name, String trade, String text, String directorySlug, int position, boolean published) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("trade", trade);
            fields.put("text", text);
            fields.put("directorySlug", directorySlug);
            fields.put("position", position);
            fields.put("published", published);
            return fields;
        }
    }

    public record Portrait(long id, String name, String trade, String text, String directorySlug, int position,
                           boolean published, boolean example) {

        public PortraitData data() {
            return new PortraitData(name, trade, text, directorySlug, position, published);
        }

        /** The paragraphs of the text (separated by blank lines), to be shown escaped, each in its own element. */
        public List<String> paragraphs() {
            return PlainText.paragraphs(text);
        }
    }

    /** @param linked whether the directory listing is published now, so the link leads somewhere */
    public record PublicPortrait(Portrait portrait, boolean linked) {
    }
}
