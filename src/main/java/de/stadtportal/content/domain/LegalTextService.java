package de.stadtportal.content.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import de.stadtportal.search.SearchableSourcesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text sections of the legal pages: the built-in text of the bundle unless staff changed it. Staff's
 * text is kept only where it differs from the built-in one. Plain text, escaped on output. Every save
 * and reset keeps the page as it was (all sections and dates) as an earlier version to restore in one click.
 */
@Service
@Transactional
public class LegalTextService {

    static final String ENTITY = "Rechtliche Seite";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final PortalProperties properties;
    private final ContentVersions versions;
    private final ApplicationEventPublisher events;
    private final KeyedTexts store;

    LegalTextService(JdbcClient jdbc, Clock clock, AuditLog auditLog, MessageSource messages, PortalProperties properties,
                     ContentVersions versions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.store = new KeyedTexts(jdbc, "legal_text");
        this.versions = versions;
        this.clock = clock;
        this.auditLog = auditLog;
        this.messages = messages;
        this.properties = properties;
    }

    /** What a page shows now, section by section, and (accessibility statement) its dates. */
    @Transactional(readOnly = true)
    public LegalContent content(LegalPage page) {
        Map<String, Localized> stored = store.stored(page.name());
        Map<String, Localized> texts = new LinkedHashMap<>();
        for (String key : page.keys()) {
            texts.put(key, stored.getOrDefault(key, builtIn(key)));
        }
        record Dates(LocalDate statement, LocalDate review, long version) {
        }
        Dates dates = jdbc.sql("SELECT statement_date, review_date, version FROM legal_page WHERE page = :page")
                .param("page", page.name())
                .query((rs, i) -> new Dates(rs.getObject("statement_date", LocalDate.class), rs.getObject("review_date", LocalDate.class),
                        rs.getLong("version")))
                .optional().orElse(new Dates(null, null, 0));
        return new LegalContent(page, texts, dates.statement(), dates.review(), configured(properties.accessibility().statementDate()),
                configured(properties.accessibility().lastReviewDate()), dates.version());
    }

    /**
     * Saves a page's sections unless someone else saved it since {@code version} was read.
     * @param texts by key; keys the page does not have are ignored
     * @throws StaleLegalPageException when someone was quicker
     */
    public void save(LegalPage page, Map<String, Localized> texts, LocalDate statementDate, LocalDate reviewDate, long version) {
        save(page, texts, statementDate, reviewDate, version, "CHANGED");
    }

    private void save(LegalPage page, Map<String, Localized> texts, LocalDate statementDate, LocalDate reviewDate, long version,
                      String action) {
        LegalContent before = content(page);
        if (version != before.version()) {
            // also a version the page never had (no row yet): never a silent first save over it
            throw new StaleLegalPageException();
        }
        int saved = jdbc.sql("""
                        INSERT INTO legal_page (page, statement_date, review_date, version, updated_by, updated_at)
                        VALUES (:page, :statement, :review, 1, :by, :now)
                        ON CONFLICT (page) DO UPDATE SET statement_date = EXCLUDED.statement_date, review_date = EXCLUDED.review_date,
                            version = legal_page.version + 1, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        WHERE legal_page.version = :version""")
                .param("page", page.name()).param("statement", statementDate).param("review", reviewDate)
                .param("version", version).param("by", user()).param("now", OffsetDateTime.now(clock))
                .update();
        if (saved == 0) {
            throw new StaleLegalPageException();
        }
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        store.write(page.name(), page.keys(), texts, before.texts(), this::builtIn, changedBefore, changedAfter);
        if (!Objects.equals(before.statementDate(), statementDate) || !Objects.equals(before.reviewDate(), reviewDate)) {
            changedBefore.put("dates", before.statementDate() + " / " + before.reviewDate());
            changedAfter.put("dates", statementDate + " / " + reviewDate);
        }
        versions.keep(ENTITY, page.name(), before.state());
        auditLog.record(ENTITY, page.name(), action, changedBefore, changedAfter);
        // the search indexes what visitors read, at once
        events.publishEvent(new SearchableSourcesChanged());
    }

    /** The kept versions of a page, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(LegalPage page) {
        return versions.of(ENTITY, page.name());
    }

    /** Restores a kept version; the page as it is now is kept in turn. @return false: no such version */
    public boolean restore(LegalPage page, int number) {
        Optional<Version> version = versions.find(ENTITY, page.name(), number);
        if (version.isEmpty()) {
            return false;
        }
        Map<String, Object> state = version.get().state();
        Map<String, Localized> texts = KeyedTexts.restored(page.keys(), state.get("texts"), null);
        save(page, texts, date(state.get("statementDate")), date(state.get("reviewDate")), content(page).version(), "RESTORED");
        return true;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    /** Back to the built-in text and the configured dates. */
    public void reset(LegalPage page) {
        LegalContent before = content(page);
        int texts = store.deleteAll(page.name());
        // the version moves on with every reset that changes something, so a form opened before it is stale
        int dates = jdbc.sql("UPDATE legal_page SET statement_date = NULL, review_date = NULL, version = version + 1 WHERE page = :page"
                        + " AND (statement_date IS NOT NULL OR review_date IS NOT NULL OR :texts > 0)")
                .param("page", page.name()).param("texts", texts).update();
        if (texts + dates > 0) {
            versions.keep(ENTITY, page.name(), before.state());
            auditLog.record(ENTITY, page.name(), "RESET", Map.of(), Map.of());
            events.publishEvent(new SearchableSourcesChanged());
        }
    }

    private Localized builtIn(String key) {
        return Localized.of(messages.getMessage(key, null, Locale.GERMAN), messages.getMessage(key, null, Locale.ENGLISH));
    }

    private static LocalDate configured(String date) {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String user() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "system" : user.email();
    }

    /**
     * @param statementDate staff's date, null where the configured one applies (as reviewDate)
     */
    public record LegalContent(LegalPage page, Map<String, Localized> texts, LocalDate statementDate, LocalDate reviewDate,
                               LocalDate configuredStatementDate, LocalDate configuredReviewDate, long version) {

        /** The section's text in the reader's language (German where there is no English). */
        public String text(String key, Locale locale) {
            Localized text = texts.get(key);
            return text == null ? "" : text.in(locale);
        }

        /** "de" where a German text stands on an English page. */
        public String lang(String key, Locale locale) {
            Localized text = texts.get(key);
            return text == null ? null : text.lang(locale);
        }

        public LocalDate shownStatementDate() {
            return statementDate != null ? statementDate : configuredStatementDate;
        }

        public LocalDate shownReviewDate() {
            return reviewDate != null ? reviewDate : configuredReviewDate;
        }

        public List<String> keys() {
            return page.keys();
        }

        /** Every section and staff's dates, as kept in content_version. */
        Map<String, Object> state() {
            Map<String, Object> sections = KeyedTexts.state(keys(), texts);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("texts", sections);
            fields.put("statementDate", statementDate == null ? null : statementDate.toString());
            fields.put("reviewDate", reviewDate == null ? null : reviewDate.toString());
            return fields;
        }
    }

    public static class StaleLegalPageException extends RuntimeException {
        public StaleLegalPageException() {
            super("legal page changed meanwhile");
        }
    }
}
