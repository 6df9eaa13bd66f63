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

/** The orientation page for refugees in German, Einfache Sprache, English, Arabic and Ukrainian; staff edit each. */
@Service
@Transactional
public class GuideService {

    static final String ENTITY = "Fachkräfte-Orientierung für Geflüchtete";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    GuideService(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Guide> all() {
        return jdbc.sql("SELECT * FROM skilled_guide ORDER BY position").query(GUIDE).list();
    }

    @Transactional(readOnly = true)
    public Optional<Guide> find(String language) {
        return jdbc.sql("SELECT * FROM skilled_guide WHERE language = ?").param(language).query(GUIDE).optional();
    }

    /** @return false when someone else saved this language since {@code version} was read */
    public boolean save(String language, long version, GuideText text) {
        Guide before = find(language).orElseThrow();
        int changed = jdbc.sql("""
                        UPDATE skilled_guide SET title = :title, body = :body, contacts_heading = :contacts,
                               offers_link = :offers, version = version + 1, updated_at = now()
                        WHERE language = :language AND version = :version""")
                .param("title", text.title()).param("body", text.body()).param("contacts", text.contactsHeading())
                .param("offers", text.offersLink()).param("language", language).param("version", version).update();
        if (changed == 0) {
            return false;
        }
        auditLog.record(ENTITY, language, "CHANGED", before.text().audit(), text.audit());
        return true;
    }

    private static final RowMapper<Guide> GUIDE = (rs, i) -> new Guide(rs.getString("language"), rs.getString("lang"),
            rs.getBoolean("rtl"), new GuideText(rs.getString("title"), rs.getString("body"), rs.getString("contacts_heading"),
                    rs.getString("offers_link")), rs.getLong("version"));

    public record GuideText(String title, String body, String contactsHeading, String offersLink) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("body", body);
            fields.put("contactsHeading", contactsHeading);
            fields.put("offersLink", offersLink);
            return fields;
        }
    }

    /** @param language the address segment; @param lang the text's language tag; @param rtl written right to left */
    public record Guide(String language, String lang, boolean rtl, GuideText text, long version) {

        public List<String> paragraphs() {
            return PlainText.paragraphs(text.body());
        }

        public String dir() {
            return rtl ? "rtl" : "ltr";
        }
    }
}
