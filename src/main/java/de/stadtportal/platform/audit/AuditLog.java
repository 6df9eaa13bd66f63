package de.stadtportal.platform.audit;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.PlatformConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log every feature writes to. {@link #record} joins the caller's transaction, so an
 * entry exists exactly when the change was committed.
 */
@Service
@Transactional
public class AuditLog {

    static final String SYSTEM = "system";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change; only fields whose value differs between before and after are kept. */
    public void record(String entityType, Object entityId, String action, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            String old = text(before.get(field));
            String now = text(after.get(field));
            if (!Objects.equals(old, now)) {
                Map<String, String> change = new LinkedHashMap<>();
                change.put("before", old);
                change.put("after", now);
                changes.put(field, change);
            }
        }
        CurrentUser user = CurrentUser.get();
        jdbc.update("INSERT INTO audit_entry (actor, entity_type, entity_id, action, changes) VALUES (?, ?, ?, ?, ?::jsonb)",
                user == null ? SYSTEM : user.email(), entityType, String.valueOf(entityId), action,
                json.writeValueAsString(changes));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.query("SELECT * FROM audit_entry ORDER BY id DESC LIMIT ?", ENTRY, limit);
    }

    /** Entries matching every given filter (null or blank: no filter), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size + 1);
        args.add((long) page * size);
        return jdbc.query("SELECT * FROM audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ENTRY, args.toArray());
    }

    @Transactional(readOnly = true)
    public List<String> entityTypes() {
        return jdbc.queryForList("SELECT DISTINCT entity_type FROM audit_entry ORDER BY entity_type", String.class);
    }

    /** Only fixed SQL fragments are joined; every value the user typed is a bind parameter. */
    private static String where(AuditFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor ILIKE ? ESCAPE '\\'");
            args.add("%" + filter.actor().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            conditions.add("entity_type = ?");
            args.add(filter.entityType());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            conditions.add("entity_id = ?");
            args.add(filter.entityId().strip());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(filter.from().atStartOfDay(PlatformConfiguration.CITY_ZONE).toOffsetDateTime());
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            args.add(filter.to().plusDays(1).atStartOfDay(PlatformConfiguration.CITY_ZONE).toOffsetDateTime());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public record AuditFilter(String actor, String entityType, String entityId, LocalDate from, LocalDate to) {
    }

    public record AuditEntry(long id, ZonedDateTime occurredAt, String actor, String entityType, String entityId,
                             String action, Map<String, Map<String, String>> changes) {
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(
            rs.getLong("id"),
            PlatformConfiguration.cityTime(rs, "occurred_at"),
            rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
            json.readValue(rs.getString("changes"), new TypeReference<Map<String, Map<String, String>>>() { }));
}
