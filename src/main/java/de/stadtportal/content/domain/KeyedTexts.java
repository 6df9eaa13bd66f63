package de.stadtportal.content.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.stadtportal.platform.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff's own text for message keys of one page, German and optional English, in a table of the columns key, page,
 * text_de, text_en (legal_text for the legal pages, page_text for the Seitentexte). A row exists only where staff's
 * text differs from the built-in one. Also how a page's texts are kept as an earlier version and read back.
 */
final class KeyedTexts {

    private final JdbcClient jdbc;
    private final String table;

    /** @param table one of the content module's own tables, never input */
    KeyedTexts(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Staff's texts of a page, by key. */
    Map<String, Localized> stored(String page) {
        Map<String, Localized> stored = new HashMap<>();
        jdbc.sql("SELECT key, text_de, text_en FROM " + table + " WHERE page = :page").param("page", page)
                .query(rs -> {
                    stored.put(rs.getString("key"), Localized.of(rs.getString("text_de"), rs.getString("text_en")));
                });
        return stored;
    }

    /**
     * Writes the page's texts: a text equal to the built-in one removes the row. Changed texts go into
     * {@code changedBefore} and {@code changedAfter} for the audit log.
     * @param texts by key; keys not among {@code keys} and keys without a text are left alone
     */
    void write(String page, List<String> keys, Map<String, Localized> texts, Map<String, Localized> before,
               Function<String, Localized> builtIn, Map<String, Object> changedBefore, Map<String, Object> changedAfter) {
        for (String key : keys) {
            Localized text = texts.get(key);
            if (text == null) {
                continue;
            }
            if (text.equals(builtIn.apply(key))) {
                jdbc.sql("DELETE FROM " + table + " WHERE key = :key").param("key", key).update();
            } else {
                jdbc.sql("INSERT INTO " + table + " (key, page, text_de, text_en) VALUES (:key, :page, :de, :en)"
                                + " ON CONFLICT (key) DO UPDATE SET text_de = EXCLUDED.text_de, text_en = EXCLUDED.text_en")
                        .param("key", key).param("page", page).param("de", text.de()).param("en", text.en()).update();
            }
            Localized old = before.get(key);
            if (!text.equals(old)) {
                changedBefore.put(key, old.de() + " / " + old.en());
                changedAfter.put(key, text.de() + " / " + text.en());
            }
        }
    }

    /** Back to the built-in texts. @return how many texts staff had changed */
    int deleteAll(String page) {
        return jdbc.sql("DELETE FROM " + table + " WHERE page = :page").param("page", page).update();
    }

    /** The texts as kept in content_version: by key, German and English. */
    static Map<String, Object> state(List<String> keys, Map<String, Localized> texts) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : keys) {
            Map<String, String> text = new LinkedHashMap<>();
            text.put("de", texts.get(key).de());
            text.put("en", texts.get(key).en());
            sections.put(key, text);
        }
        return sections;
    }

    /**
     * The texts of a kept version.
     * @param missing the text of a key the version does not have, or null to leave such a key out
     */
    static Map<String, Localized> restored(List<String> keys, Object kept, Function<String, Localized> missing) {
        Map<String, Localized> texts = new LinkedHashMap<>();
        Map<?, ?> versionTexts = kept instanceof Map<?, ?> map ? map : Map.of();
        for (String key : keys) {
            if (versionTexts.get(key) instanceof Map<?, ?> text && text.get("de") != null) {
                texts.put(key, Localized.of(String.valueOf(text.get("de")), text.get("en") == null ? null : String.valueOf(text.get("en"))));
            } else if (missing != null) {
                texts.put(key, missing.apply(key));
            }
        }
        return texts;
    }
}
