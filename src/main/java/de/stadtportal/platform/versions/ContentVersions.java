package de.stadtportal.platform.versions;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Earlier versions of what staff edit, for every feature: before a save the feature hands over the
 * state being replaced (as a map of fields), so staff can see who saved when and restore any earlier
 * state in one click. Joins the caller's transaction, like the audit log.
 */
@Service
@Transactional
public class ContentVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    ContentVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the state a save is about to replace. @return its number (1, 2, … per record) */
    public int keep(String kind, Object id, Map<String, ?> state) {
        CurrentUser user = CurrentUser.get();
        return jdbc.sql("""
                        INSERT INTO content_version (kind, entity_id, number, content, changed_by, changed_at)
                        SELECT :kind, :id, COALESCE(MAX(number), 0) + 1, CAST(:content AS JSONB), :by, :at
                        FROM content_version WHERE kind = :kind AND entity_id = :id
                        RETURNING number""")
                .param("kind", kind).param("id", String.valueOf(id)).param("content", JSON.writeValueAsString(state))
                .param("by", user == null ? "system" : user.email())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), clock.getZone()))
                .query(Integer.class).single();
    }

    /** The kept versions of one record, newest first. */
    @Transactional(readOnly = true)
    public List<Version> of(String kind, Object id) {
        return jdbc.sql("""
                        SELECT number, changed_by, changed_at, content::text AS content FROM content_version
                        WHERE kind = :kind AND entity_id = :id ORDER BY number DESC LIMIT 100""")
                .param("kind", kind).param("id", String.valueOf(id))
                .query((rs, i) -> new Version(rs.getInt("number"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), read(rs.getString("content"))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Version> find(String kind, Object id, int number) {
        return of(kind, id).stream().filter(v -> v.number() == number).findFirst();
    }

    private static Map<String, Object> read(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /** @param state the fields as they were before the save that kept them */
    public record Version(int number, String changedBy, Instant changedAt, Map<String, Object> state) {

        public String text(String field) {
            Object value = state.get(field);
            return value == null ? null : value.toString();
        }
    }
}
