package de.stadtportal.content.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.OverridableMessageSource;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import de.stadtportal.search.SearchableSourcesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seitentexte: staff's own text for the fixed texts of a public page ({@link TextPage}), in place of the built-in
 * text of the message bundle. Kept only where it differs from the built-in one; plain text, escaped on output.
 * Every save, reset and restore keeps the page as it was as an earlier version and is written to the audit log.
 */
@Service
@Transactional
public class PageTextService {

    static final String ENTITY = "Seitentexte";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MessageSource builtIn;
    private final ContentVersions versions;
    private final PageTextOverrides overrides;
    private final ApplicationEventPublisher events;
    private final KeyedTexts store;

    PageTextService(JdbcClient jdbc, Clock clock, AuditLog auditLog, MessageSource messages, ContentVersions versions,
                    PageTextOverrides overrides, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
        this.builtIn = messages instanceof OverridableMessageSource overridable ? overridable.builtIn() : messages;
        this.versions = versions;
        this.overrides = overrides;
        this.events = events;
        this.store = new KeyedTexts(jdbc, "page_text");
    }

    /** What the page shows now, text by text (the built-in text where staff changed nothing). */
    @Transactional(readOnly = true)
    public PageTexts content(TextPage page) {
        Map<String, Localized> stored = store.stored(page.name());
        Map<String, Localized> current = new LinkedHashMap<>();
        Map<String, Localized> builtIns = new LinkedHashMap<>();
        for (String key : page.keys()) {
            builtIns.put(key, builtIn(key));
            current.put(key, stored.getOrDefault(key, builtIns.get(key)));
        }
        long version = jdbc.sql("SELECT version FROM page_text_page WHERE page = :page").param("page", page.name())
                .query(Long.class).optional().orElse(0L);
        return new PageTexts(page, current, builtIns, version);
    }

    /**
     * The placeholders ({0}, {1,number}) of the built-in text that {@code text} lacks; empty when it has them all.
     * A text that leaves one out would lose the number or name the page fills in.
     */
    public List<String> missingPlaceholders(String key, String text, Locale locale) {
        String original = builtIn.getMessage(key, null, "", locale);
        List<String> missing = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(original);
        while (matcher.find()) {
            if (text != null && !text.contains(matcher.group())) {
                missing.add(matcher.group());
            }
        }
        return missing;
    }

    /**
     * Saves a page's texts unless someone else saved it since {@code version} was read.
     * @param texts by key; keys the page does not have are ignored
     * @throws StalePageTextsException when someone was quicker
     */
    public void save(TextPage page, Map<String, Localized> texts, long version) {
        save(page, texts, version, "CHANGED");
    }

    private void save(TextPage page, Map<String, Localized> texts, long version, String action) {
        PageTexts before = content(page);
        if (version != before.version()) {
            throw new StalePageTextsException();
        }
        int saved = jdbc.sql("""
                        INSERT INTO page_text_page (page, version, updated_by, updated_at) VALUES (:page, 1, :by, :now)
                        ON CONFLICT (page) DO UPDATE SET version = page_text_page.version + 1, updated_by = EXCLUDED.updated_by,
                            updated_at = EXCLUDED.updated_at
                        WHERE page_text_page.version = :version""")
                .param("page", page.name()).param("version", version).param("by", user()).param("now", OffsetDateTime.now(clock))
                .update();
        if (saved == 0) {
            throw new StalePageTextsException();
        }
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        store.write(page.name(), page.keys(), texts, before.texts(), before.builtIns()::get, changedBefore, changedAfter);
        versions.keep(ENTITY, page.name(), before.state());
        auditLog.record(ENTITY, page.name(), action, changedBefore, changedAfter);
        changed();
    }

    /** The kept versions of a page, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(TextPage page) {
        return versions.of(ENTITY, page.name());
    }

    /** Restores a kept version; the page as it is now is kept in turn. @return false: no such version */
    public boolean restore(TextPage page, int number) {
        Optional<Version> version = versions.find(ENTITY, page.name(), number);
        if (version.isEmpty()) {
            return false;
        }
        Map<String, Localized> texts = KeyedTexts.restored(page.keys(), version.get().state().get("texts"), this::builtIn);
        save(page, texts, content(page).version(), "RESTORED");
        return true;
    }

    /** Back to the built-in texts of the page. */
    public void reset(TextPage page) {
        PageTexts before = content(page);
        int texts = store.deleteAll(page.name());
        // the version moves on, so a form opened before the reset is stale
        jdbc.sql("UPDATE page_text_page SET version = version + 1, updated_by = :by, updated_at = :now WHERE page = :page")
                .param("page", page.name()).param("by", user()).param("now", OffsetDateTime.now(clock)).update();
        if (texts > 0) {
            versions.keep(ENTITY, page.name(), before.state());
            auditLog.record(ENTITY, page.name(), "RESET", Map.of(), Map.of());
            changed();
        }
    }

    /** After the commit: this instance reads staff's texts again, and the search indexes them at once. */
    private void changed() {
        overrides.forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    overrides.forget();
                }
            });
        } else {
            overrides.forget();
        }
        events.publishEvent(new SearchableSourcesChanged());
    }

    private Localized builtIn(String key) {
        return Localized.of(builtIn.getMessage(key, null, "", Locale.GERMAN), builtIn.getMessage(key, null, null, Locale.ENGLISH));
    }

    private static String user() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "system" : user.email();
    }

    /**
     * @param texts what the page shows now, by key in the page's order
     * @param builtIns the message bundle's texts, by key
     */
    public record PageTexts(TextPage page, Map<String, Localized> texts, Map<String, Localized> builtIns, long version) {

        public List<String> keys() {
            return page.keys();
        }

        /** Whether a text is a heading or a short line (a one-line field) rather than a paragraph. */
        public boolean oneLine(String key) {
            Localized text = builtIns.get(key);
            return text == null || text.de().length() <= 100 && !text.de().contains("\n");
        }

        /** The start of the built-in German text: which text a field is, in the editor. */
        public String label(String key) {
            Localized text = builtIns.get(key);
            String de = text == null ? key : text.de();
            return de.length() > 70 ? de.substring(0, 69).strip() + "…" : de;
        }

        /** Every text, as kept in content_version. */
        Map<String, Object> state() {
            return Map.of("texts", KeyedTexts.state(keys(), texts));
        }
    }

    public static class StalePageTextsException extends RuntimeException {
        public StalePageTextsException() {
            super("page texts changed meanwhile");
        }
    }
}
