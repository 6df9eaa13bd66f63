package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff-written text of a topic page (/gutschein, /wochenmarkt, /wlan), in German and English.
 * Plain text with blank lines between paragraphs: nothing to sanitise, nothing that can break the page.
 */
@Service
@Transactional
public class TopicTextService {

    public static final List<String> TOPICS = List.of("gutschein", "wochenmarkt", "wlan");

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    TopicTextService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** The paragraphs in the reader's language; empty when staff have not written a text (the bundle's applies). */
    @Transactional(readOnly = true)
    public Optional<List<String>> paragraphs(String topic, Locale locale) {
        return find(topic).map(text -> "en".equals(locale.getLanguage()) ? text.english() : text.german())
                .map(PlainText::paragraphs);
    }

    @Transactional(readOnly = true)
    public Optional<TopicText> find(String topic) {
        return jdbc.query("SELECT body_de, body_en FROM topic_text WHERE topic = :topic", Map.of("topic", topic),
                (rs, i) -> new TopicText(rs.getString("body_de"), rs.getString("body_en"))).stream().findFirst();
    }

    public void save(String topic, TopicText text, String staffEmail) {
        TopicText before = find(topic).orElse(new TopicText("", ""));
        jdbc.update("""
                INSERT INTO topic_text (topic, body_de, body_en, updated_by) VALUES (:topic, :de, :en, :by)
                ON CONFLICT (topic) DO UPDATE SET body_de = EXCLUDED.body_de, body_en = EXCLUDED.body_en,
                    updated_by = EXCLUDED.updated_by, updated_at = now()""",
                new MapSqlParameterSource("topic", topic).addValue("de", text.german().strip())
                        .addValue("en", text.english().strip()).addValue("by", staffEmail));
        auditLog.record("Themenseite", topic, "UPDATED", Map.of("de", before.german(), "en", before.english()),
                Map.of("de", text.german().strip(), "en", text.english().strip()));
    }

    /** Back to the text of the message bundle. */
    public void reset(String topic) {
        if (jdbc.update("DELETE FROM topic_text WHERE topic = :topic", Map.of("topic", topic)) > 0) {
            auditLog.record("Themenseite", topic, "RESET", Map.of(), Map.of());
        }
    }

    public record TopicText(String german, String english) {
    }
}
