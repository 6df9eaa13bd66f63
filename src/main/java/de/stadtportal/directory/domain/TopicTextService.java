package de.stadtportal.directory.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.PlainText;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff-written text of a topic page (/gutschein, /wochenmarkt, /wlan), in German and English.
 * Plain text with blank lines between paragraphs: nothing to sanitise, nothing that can break the page.
 * Until staff write their own (and after a reset) the message bundle's text applies. Every save, restore
 * and reset keeps the text it replaces (also the built-in one) as a version staff restore in one click;
 * a save from a form loaded at an older version is refused ({@link StaleTopicTextException}).
 */
@Service
@Transactional
public class TopicTextService {

    public static final List<String> TOPICS = List.of("gutschein", "wochenmarkt", "wlan");
    static final String ENTITY = "Themenseite";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final ContentVersions versions;

    TopicTextService(JdbcClient jdbc, Clock clock, AuditLog auditLog, MessageSource messages, ContentVersions versions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
        this.messages = messages;
        this.versions = versions;
    }

    /** The paragraphs in the reader's language; empty when staff have not written a text (the bundle's applies). */
    @Transactional(readOnly = true)
    public Optional<List<String>> paragraphs(String topic, Locale locale) {
        return find(topic).map(text -> "en".equals(locale.getLanguage()) ? text.english() : text.german())
                .map(PlainText::paragraphs);
    }

    /** Staff's own text; empty while the built-in one applies. */
    @Transactional(readOnly = true)
    public Optional<TopicText> find(String topic) {
        return jdbc.sql("SELECT body_de, body_en FROM topic_text WHERE topic = :topic AND body_de IS NOT NULL").param("topic", topic)
                .query((rs, i) -> new TopicText(rs.getString("body_de"), rs.getString("body_en"))).optional();
    }

    /** What the editor shows: staff's text, or the built-in one, with the version to save against (0: never saved). */
    @Transactional(readOnly = true)
    public Data data(String topic) {
        // a reset leaves the row with empty texts: its version goes on counting
        return jdbc.sql("SELECT body_de, body_en, version FROM topic_text WHERE topic = :topic").param("topic", topic)
                .query((rs, i) -> rs.getString("body_de") == null
                        ? new Data(builtIn(topic), rs.getLong("version"), false)
                        : new Data(new TopicText(rs.getString("body_de"), rs.getString("body_en")), rs.getLong("version"), true))
                .optional().orElseGet(() -> new Data(builtIn(topic), 0, false));
    }

    /**
     * Saves staff's text unless someone else saved, restored or reset it since {@code version} was read.
     * @throws StaleTopicTextException when someone was quicker
     */
    public void save(String topic, TopicText text, long version) {
        save(topic, text, version, "UPDATED");
    }

    private void save(String topic, TopicText text, long version, String action) {
        Data before = data(topic);
        if (version != before.version()) {
            // also a version the text never had: never a silent save over someone else's
            throw new StaleTopicTextException();
        }
        TopicText after = new TopicText(text.german().strip(), text.english().strip());
        int saved = jdbc.sql("""
                        INSERT INTO topic_text (topic, body_de, body_en, version, updated_by, updated_at)
                        VALUES (:topic, :de, :en, 1, :by, :now)
                        ON CONFLICT (topic) DO UPDATE SET body_de = EXCLUDED.body_de, body_en = EXCLUDED.body_en,
                            version = topic_text.version + 1, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        WHERE topic_text.version = :version""")
                .param("topic", topic).param("de", after.german()).param("en", after.english()).param("version", version)
                .param("by", user()).param("now", OffsetDateTime.now(clock))
                .update();
        if (saved == 0) {
            // the row has another version: someone saved between our read and our write
            throw new StaleTopicTextException();
        }
        versions.keep(ENTITY, topic, before.text().state());
        auditLog.record(ENTITY, topic, action, before.text().state(), after.state());
    }

    /** The kept versions of a topic's text, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(String topic) {
        return versions.of(ENTITY, topic);
    }

    /** Restores a kept version; the text it replaces is kept in turn. @return false: no such version */
    public boolean restore(String topic, int number) {
        Optional<Version> version = versions.find(ENTITY, topic, number);
        if (version.isEmpty()) {
            return false;
        }
        save(topic, TopicText.of(version.get(), builtIn(topic)), data(topic).version(), "RESTORED");
        return true;
    }

    /** Back to the text of the message bundle; staff's text is kept as a version. */
    public void reset(String topic) {
        Data before = data(topic);
        int reset = jdbc.sql("""
                        UPDATE topic_text SET body_de = NULL, body_en = NULL, version = version + 1, updated_by = :by, updated_at = :now
                        WHERE topic = :topic AND body_de IS NOT NULL""")
                .param("topic", topic).param("by", user()).param("now", OffsetDateTime.now(clock)).update();
        if (reset > 0) {
            versions.keep(ENTITY, topic, before.text().state());
            auditLog.record(ENTITY, topic, "RESET", before.text().state(), Map.of());
        }
    }

    /** The page's built-in intro and text, as two paragraphs. */
    private TopicText builtIn(String topic) {
        return new TopicText(builtIn(topic, Locale.GERMAN), builtIn(topic, Locale.ENGLISH));
    }

    private String builtIn(String topic, Locale locale) {
        return messages.getMessage("directory.topic." + topic + ".intro", null, locale) + "\n\n"
                + messages.getMessage("directory.topic." + topic + ".text", null, locale);
    }

    private static String user() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "system" : user.email();
    }

    public record TopicText(String german, String english) {

        /** As kept in content_version and the audit log. */
        Map<String, Object> state() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("de", german);
            fields.put("en", english);
            return fields;
        }

        /** A kept version's text; what it lacks is the built-in one. */
        static TopicText of(Version version, TopicText builtIn) {
            String de = version.text("de");
            String en = version.text("en");
            return new TopicText(de == null || de.isBlank() ? builtIn.german() : de, en == null || en.isBlank() ? builtIn.english() : en);
        }
    }

    /** @param own whether staff wrote the text (false: the built-in one) */
    public record Data(TopicText text, long version, boolean own) {
    }

    public static class StaleTopicTextException extends RuntimeException {
        public StaleTopicTextException() {
            super("topic text changed meanwhile");
        }
    }
}
