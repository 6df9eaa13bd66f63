package de.stadtportal.content.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import de.stadtportal.platform.Localized;
import de.stadtportal.platform.MessageOverrides;
import de.stadtportal.platform.database.PublicDataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff's Seitentexte for the application's MessageSource: all rows of page_text kept in memory and read again
 * only when the public data version moved on (its trigger advances it on every save, on any instance) or this
 * instance saved. The version comes from memory ({@link PublicDataVersion#isListening()}); only while it would take
 * a query is it asked at most every {@link #RECHECK_NANOS}, so a page of hundreds of messages costs no query at all;
 * without a database the built-in texts apply.
 */
@Component
class PageTextOverrides implements MessageOverrides {

    private static final Logger log = LoggerFactory.getLogger(PageTextOverrides.class);
    private static final long RECHECK_NANOS = 500_000_000L;

    private final JdbcClient jdbc;
    private final PublicDataVersion dataVersion;

    private record Kept(long version, long checkedAt, Map<String, Localized> texts) {
    }

    private static final java.util.Set<String> EDITABLE = java.util.Arrays.stream(TextPage.values())
            .flatMap(page -> page.keys().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private volatile Kept kept;

    PageTextOverrides(JdbcClient jdbc, PublicDataVersion dataVersion) {
        this.jdbc = jdbc;
        this.dataVersion = dataVersion;
    }

    @Override
    public String find(String code, Locale locale) {
        if (!EDITABLE.contains(code)) {
            return null;
        }
        Localized text = texts().get(code);
        if (text == null) {
            return null;
        }
        // no English of staff's: the built-in English text, since a message cannot mark German on an English page lang="de"
        if ("en".equals(locale.getLanguage()) && (text.en() == null || text.en().isBlank())) {
            return null;
        }
        return text.in(locale);
    }

    /** Staff's texts by key; empty while the database cannot be read. */
    Map<String, Localized> texts() {
        Kept current = kept;
        long now = System.nanoTime();
        // the version in memory costs nothing to ask, and a page kept under a new version must carry its texts;
        // only while it would be a query (no listener) is it asked at most every RECHECK_NANOS
        if (current != null && !dataVersion.isListening() && now - current.checkedAt() < RECHECK_NANOS) {
            return current.texts();
        }
        OptionalLong version = dataVersion.current();
        if (current != null && version.isPresent() && version.getAsLong() == current.version()) {
            kept = new Kept(current.version(), now, current.texts());
            return current.texts();
        }
        try {
            Map<String, Localized> texts = new HashMap<>();
            jdbc.sql("SELECT key, text_de, text_en FROM page_text")
                    .query(rs -> {
                        texts.put(rs.getString("key"), Localized.of(rs.getString("text_de"), rs.getString("text_en")));
                    });
            Map<String, Localized> copy = Map.copyOf(texts);
            kept = new Kept(version.orElse(-1), now, copy);
            return copy;
        } catch (DataAccessException e) {
            log.debug("Seitentexte not read: {}", e.getMessage());
            return current == null ? Map.of() : current.texts();
        }
    }

    /** After a save of this instance has committed: read again on the next message. */
    void forget() {
        kept = null;
    }
}
