package de.stadtportal.reallabor.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The own text of /reallabore that staff edit: its heading (also the page's title), the introduction and the heading
 * above the list of the Reallabore. Until staff save, the message bundle's text applies and the editor opens showing
 * it. The introduction's HTML is rendered once per save; visitors' pages are built once per Reallabor data version
 * (V97 puts the Reallabor trigger on the table). Every save keeps the text it replaces (also the built-in one) as a
 * version staff restore in one click, like the start page.
 */
@Service
@Transactional
public class ReallaborOverviewPage {

    static final String ENTITY = "Reallabore-Übersicht";
    /** The page is one record: its versions are kept under this id. */
    private static final int ID = 1;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final ContentVersions versions;
    private final ReallaborViews views;
    private volatile Shown shown;

    ReallaborOverviewPage(JdbcClient jdbc, Clock clock, AuditLog auditLog, MessageSource messages, ContentVersions versions,
                          ReallaborViews views) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
        this.messages = messages;
        this.versions = versions;
        this.views = views;
    }

    private record Shown(long version, Page page) {
    }

    /** The page as visitors see it, built once per data version: staff's text, or the built-in one. */
    @Transactional(readOnly = true)
    public Page current() {
        long version = views.version();
        Shown kept = shown;
        if (kept == null || kept.version() != version) {
            Texts texts = data().texts();
            Page page = jdbc.sql("SELECT intro_html, intro_en_html FROM reallabor_overview_page WHERE id = 1")
                    .query((rs, i) -> new Page(texts.heading(), Localized.of(RichText.clean(rs.getString("intro_html")),
                            rs.getString("intro_en_html") == null ? null : RichText.clean(rs.getString("intro_en_html"))),
                            texts.listHeading()))
                    .optional().orElseGet(() -> new Page(texts.heading(), texts.intro().map(RichText::toHtml), texts.listHeading()));
            kept = new Shown(version, page);
            shown = kept;
        }
        return kept.page();
    }

    /** What the editor shows: staff's text, or the built-in text with its version 0. */
    @Transactional(readOnly = true)
    public Data data() {
        return jdbc.sql("SELECT * FROM reallabor_overview_page WHERE id = 1")
                .query((rs, i) -> new Data(new Texts(Localized.of(rs.getString("heading"), rs.getString("heading_en")),
                        Localized.of(rs.getString("intro"), rs.getString("intro_en")),
                        Localized.of(rs.getString("list_heading"), rs.getString("list_heading_en"))), rs.getLong("version")))
                .optional().orElseGet(() -> new Data(builtIn(), 0));
    }

    /**
     * Saves staff's text unless someone else saved since {@code version} was read.
     * @throws StaleVersionException when someone was quicker
     */
    public void save(Texts texts, long version) {
        save(texts, version, "CHANGED");
    }

    private void save(Texts texts, long version, String action) {
        Data before = data();
        if (version != before.version()) {
            // also a version the page never had (no row yet): never a silent first save over it
            throw new StaleVersionException();
        }
        int saved = jdbc.sql("""
                        INSERT INTO reallabor_overview_page (id, heading, heading_en, intro, intro_en, intro_html, intro_en_html,
                            list_heading, list_heading_en, version, updated_by, updated_at)
                        SELECT 1, :heading, :headingEn, :intro, :introEn, :introHtml, :introEnHtml, :listHeading, :listHeadingEn,
                            1, :by, :now
                        ON CONFLICT (id) DO UPDATE SET heading = EXCLUDED.heading, heading_en = EXCLUDED.heading_en,
                            intro = EXCLUDED.intro, intro_en = EXCLUDED.intro_en, intro_html = EXCLUDED.intro_html,
                            intro_en_html = EXCLUDED.intro_en_html, list_heading = EXCLUDED.list_heading,
                            list_heading_en = EXCLUDED.list_heading_en, version = reallabor_overview_page.version + 1,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        WHERE reallabor_overview_page.version = :version""")
                .param("heading", texts.heading().de()).param("headingEn", texts.heading().en(), java.sql.Types.VARCHAR)
                .param("intro", texts.intro().de()).param("introEn", texts.intro().en(), java.sql.Types.VARCHAR)
                .param("introHtml", RichText.toHtml(texts.intro().de()))
                .param("introEnHtml", texts.intro().en() == null ? null : RichText.toHtml(texts.intro().en()), java.sql.Types.VARCHAR)
                .param("listHeading", texts.listHeading().de())
                .param("listHeadingEn", texts.listHeading().en(), java.sql.Types.VARCHAR)
                .param("version", version).param("by", user()).param("now", OffsetDateTime.now(clock))
                .update();
        if (saved == 0) {
            // the row exists with another version: someone saved since the form was opened
            throw new StaleVersionException();
        }
        versions.keep(ENTITY, ID, before.texts().state());
        auditLog.record(ENTITY, ID, action, before.texts().state(), texts.state());
    }

    /** The kept versions, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions() {
        return versions.of(ENTITY, ID);
    }

    /** Restores a kept version; the text it replaces is kept in turn. @return false: no such version */
    public boolean restore(int number) {
        Optional<Version> version = versions.find(ENTITY, ID, number);
        if (version.isEmpty()) {
            return false;
        }
        long current = data().version();
        save(Texts.of(version.get(), builtIn()), current, "RESTORED");
        return true;
    }

    /** The message bundle's text, what the page shows until staff save their own. */
    private Texts builtIn() {
        return new Texts(builtIn("reallabor.title"), Localized.of(builtInIntro(Locale.GERMAN), builtInIntro(Locale.ENGLISH)),
                builtIn("reallabor.all"));
    }

    private Localized builtIn(String key) {
        return Localized.of(messages.getMessage(key, null, Locale.GERMAN), messages.getMessage(key, null, Locale.ENGLISH));
    }

    private String builtInIntro(Locale locale) {
        return messages.getMessage("reallabor.intro", null, locale) + "\n\n" + messages.getMessage("reallabor.intro2", null, locale);
    }

    private static String user() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "system" : user.email();
    }

    /**
     * The page's own text, each German and optionally English ({@link Localized#en()} null): the headings one line,
     * the introduction Markdown.
     */
    public record Texts(Localized heading, Localized intro, Localized listHeading) {

        /** The kept versions' keys (English ones end in "En"), also the form's fields. */
        static final List<String> KEYS = List.of("heading", "intro", "listHeading");

        List<Localized> all() {
            return List.of(heading, intro, listHeading);
        }

        Map<String, Object> state() {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int k = 0; k < KEYS.size(); k++) {
                fields.put(KEYS.get(k), all().get(k).de());
                fields.put(KEYS.get(k) + "En", all().get(k).en());
            }
            return fields;
        }

        /** A kept version's text; what it lacks (a German text) is the built-in one. */
        static Texts of(Version version, Texts builtIn) {
            List<Localized> texts = new java.util.ArrayList<>();
            for (int k = 0; k < KEYS.size(); k++) {
                String de = version.text(KEYS.get(k));
                texts.add(de == null || de.isBlank() ? builtIn.all().get(k) : Localized.of(de, version.text(KEYS.get(k) + "En")));
            }
            return new Texts(texts.get(0), texts.get(1), texts.get(2));
        }
    }

    public record Data(Texts texts, long version) {
    }

    /** What visitors see. @param intro cleaned HTML; the headings plain text */
    public record Page(Localized heading, Localized intro, Localized listHeading) {
    }
}
