package de.stadtportal.skilledworkers.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What /fachkraefte tells employers: the orientation topics (each with the responsible office and the
 * official source) and the contact points. Staff edit both; a stale version changes nothing.
 */
@Service
@Transactional
public class OrientationService {

    static final String TOPIC = "Fachkräfte-Orientierung";
    static final String CONTACT_POINT = "Fachkräfte-Anlaufstelle";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    OrientationService(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Topic> topics() {
        return jdbc.sql("SELECT * FROM skilled_topic ORDER BY position, id").query(TOPIC_ROW).list();
    }

    @Transactional(readOnly = true)
    public Optional<Topic> topic(long id) {
        return jdbc.sql("SELECT * FROM skilled_topic WHERE id = ?").param(id).query(TOPIC_ROW).optional();
    }

    @Transactional(readOnly = true)
    public List<ContactPoint> contactPoints() {
        return jdbc.sql("SELECT * FROM skilled_contact_point ORDER BY position, id").query(CONTACT_ROW).list();
    }

    @Transactional(readOnly = true)
    public Optional<ContactPoint> contactPoint(long id) {
        return jdbc.sql("SELECT * FROM skilled_contact_point WHERE id = ?").param(id).query(CONTACT_ROW).optional();
    }

    /** @return false when someone else saved the topic since {@code version} was read */
    public boolean saveTopic(long id, long version, TopicData data) {
        Topic before = topic(id).orElseThrow();
        int changed = jdbc.sql("""
                        UPDATE skilled_topic SET title = :title, body = :body, office = :office, source_label = :label,
                               source_url = :url, position = :position, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("title", data.title()).param("body", data.body()).param("office", data.office())
                .param("label", data.sourceLabel()).param("url", data.sourceUrl()).param("position", data.position())
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(TOPIC, id, "CHANGED", before.data().audit(), data.audit());
        return true;
    }

    /** @return false when someone else saved the contact point since {@code version} was read */
    public boolean saveContactPoint(long id, long version, ContactPointData data) {
        ContactPoint before = contactPoint(id).orElseThrow();
        int changed = jdbc.sql("""
                        UPDATE skilled_contact_point SET name = :name, helps_with = :helps, address = :address,
                               hours = :hours, phone = :phone, email = :email, website = :website, position = :position,
                               verified = :verified, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("name", data.name()).param("helps", data.helpsWith()).param("address", data.address())
                .param("hours", data.hours()).param("phone", data.phone()).param("email", data.email())
                .param("website", data.website()).param("position", data.position()).param("verified", data.verified())
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(CONTACT_POINT, id, "CHANGED", before.data().audit(), data.audit());
        return true;
    }

    private static final RowMapper<Topic> TOPIC_ROW = (rs, i) -> new Topic(rs.getLong("id"), rs.getString("slug"),
            new TopicData(rs.getString("title"), rs.getString("body"), rs.getString("office"), rs.getString("source_label"),
                    rs.getString("source_url"), rs.getInt("position")), rs.getLong("version"));

    private static final RowMapper<ContactPoint> CONTACT_ROW = (rs, i) -> new ContactPoint(rs.getLong("id"),
            rs.getString("slug"), new ContactPointData(rs.getString("name"), rs.getString("helps_with"),
                    rs.getString("address"), rs.getString("hours"), rs.getString("phone"), rs.getString("email"),
                    rs.getString("website"), rs.getInt("position"), rs.getBoolean("verified")), rs.getLong("version"));

    /** What staff write about one topic; body is plain text, paragraphs separated by blank lines. */
    public record TopicData(String title, String body, String office, String sourceLabel, String sourceUrl, int position) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("body", body);
            fields.put("office", office);
            fields.put("sourceLabel", sourceLabel);
            fields.put("sourceUrl", sourceUrl);
            fields.put("position", position);
            return fields;
        }
    }

    public record Topic(long id, String slug, TopicData data, long version) {

        public List<String> paragraphs() {
            return PlainText.paragraphs(data.body());
        }
    }

    /** @param verified false: the values are examples the city still has to check (shown so on the page) */
    public record ContactPointData(String name, String helpsWith, String address, String hours, String phone, String email,
                                   String website, int position, boolean verified) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("helpsWith", helpsWith);
            fields.put("address", address);
            fields.put("hours", hours);
            fields.put("phone", phone);
            fields.put("email", email);
            fields.put("website", website);
            fields.put("position", position);
            fields.put("verified", verified);
            return fields;
        }
    }

    public record ContactPoint(long id, String slug, ContactPointData data, long version) {
    }
}
