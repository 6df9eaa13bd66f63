package de.stadtportal.content.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.images.ImageProcessor;
import de.stadtportal.platform.images.ImageProcessor.Processed;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff edit of the start page: the introduction, up to six highlights and the order of the sections.
 * Until staff save, the built-in text of the message bundle applies and the editor opens showing it.
 * The introduction's HTML is rendered once per save and cleaned again on output. Every save keeps the
 * page it replaces (also the built-in one) as an earlier version that staff restore in one click.
 */
@Service
@Transactional
public class StartPageService {

    public static final int MAX_HIGHLIGHTS = 6;
    static final String ENTITY = "Startseite";
    /** The start page is one record: its versions are kept under this id. */
    private static final int ID = 1;

    /** The parts of the start page whose order staff choose; what they show stays automatic. */
    public enum Section { DIRECTORY, HIGHLIGHTS, NEWS, EVENTS, REALLABORE }

    public static final List<Section> BUILT_IN_ORDER = List.of(Section.DIRECTORY, Section.HIGHLIGHTS, Section.NEWS,
            Section.EVENTS, Section.REALLABORE);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final ContentVersions versions;

    StartPageService(JdbcClient jdbc, Clock clock, AuditLog auditLog, MessageSource messages, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.clock = clock;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** The page as visitors see it: staff's version, or the built-in one. */
    @Transactional(readOnly = true)
    public StartPage current() {
        StartPageData data = data();
        Texts texts = data.texts();
        return jdbc.sql("""
                        SELECT intro_html, intro_en_html, reallabore_html, reallabore_en_html, about_html, about_en_html
                        FROM start_page WHERE id = 1""")
                .query((rs, i) -> new StartPage(texts,
                        html(rs.getString("intro_html"), rs.getString("intro_en_html"), texts.intro()),
                        data.highlights(), data.sections(),
                        html(rs.getString("reallabore_html"), rs.getString("reallabore_en_html"), texts.reallabore()),
                        html(rs.getString("about_html"), rs.getString("about_en_html"), texts.about())))
                .optional()
                .orElseGet(() -> StartPage.rendered(texts, data.highlights(), data.sections()));
    }

    /** The HTML saved with a text, cleaned again; where none was saved (the built-in text), rendered from the Markdown. */
    private static Localized html(String saved, String savedEn, Localized markdown) {
        return saved == null ? markdown.map(RichText::toHtml) : Localized.of(RichText.clean(saved), savedEn == null ? null : RichText.clean(savedEn));
    }

    /** What the editor shows: staff's text, or the built-in text with its version 0. */
    @Transactional(readOnly = true)
    public StartPageData data() {
        List<Highlight> highlights = jdbc.sql("""
                        SELECT h.*, i.content_type AS image_type, i.width AS image_width, i.height AS image_height
                        FROM start_page_highlight h LEFT JOIN start_page_image i ON i.id = h.image_id ORDER BY h.position""")
                .query((rs, i) -> new Highlight(rs.getString("title"), rs.getString("title_en"), rs.getString("text"),
                        rs.getString("text_en"), rs.getString("link"), rs.getString("image_type") == null ? null
                        : new HighlightImage(rs.getLong("image_id"), rs.getString("image_alt"), rs.getString("image_alt_en"), rs.getInt("image_width"),
                                rs.getInt("image_height"), ImageProcessor.extension(rs.getString("image_type")))))
                .list();
        Texts builtIn = builtInTexts();
        return jdbc.sql("SELECT * FROM start_page WHERE id = 1")
                .query((rs, i) -> new StartPageData(Texts.of(Texts.row(rs), builtIn), highlights,
                        Arrays.stream((String[]) rs.getArray("sections").getArray()).map(Section::valueOf).toList(),
                        rs.getLong("version")))
                .optional()
                .orElseGet(() -> new StartPageData(builtIn, highlights, BUILT_IN_ORDER, 0));
    }

    /**
     * Saves staff's version unless someone else saved since {@code version} was read.
     * @throws StaleStartPageException when someone was quicker
     */
    public void save(StartPageData data, long version) {
        save(data, version, Map.of());
    }

    /**
     * Saves like {@link #save(StartPageData, long)}, with new images for some highlights.
     * @param images by index in {@code data.highlights()}: an upload checked and re-encoded by ImageProcessor, whose
     *               alt text is that highlight's {@code image().alt()}
     */
    public void save(StartPageData data, long version, Map<Integer, Processed> images) {
        if (!images.isEmpty()) {
            List<Highlight> highlights = new java.util.ArrayList<>(data.highlights());
            images.forEach((index, image) -> {
                Highlight h = highlights.get(index);
                long id = jdbc.sql("""
                                INSERT INTO start_page_image (content_type, width, height, data, created_at)
                                VALUES (:type, :width, :height, :data, :now) RETURNING id""")
                        .param("type", image.contentType()).param("width", image.width()).param("height", image.height())
                        .param("data", image.data()).param("now", OffsetDateTime.now(clock)).query(Long.class).single();
                highlights.set(index, h.withImage(new HighlightImage(id, h.image() == null ? null : h.image().alt(),
                        h.image() == null ? null : h.image().altEn(), image.width(), image.height(), image.extension())));
            });
            data = new StartPageData(data.texts(), List.copyOf(highlights), data.sections(), data.version());
        }
        save(data, version, "CHANGED");
    }

    /** One image of a highlight visitors see now. */
    @Transactional(readOnly = true)
    public Optional<ImageData> shownImage(long id) {
        return jdbc.sql("""
                        SELECT data, content_type FROM start_page_image
                        WHERE id = :id AND EXISTS (SELECT 1 FROM start_page_highlight WHERE image_id = :id)""")
                .param("id", id).query((rs, i) -> new ImageData(rs.getBytes("data"), rs.getString("content_type"))).optional();
    }

    /** One image, also one a kept version names (staff's editor). */
    @Transactional(readOnly = true)
    public Optional<ImageData> image(long id) {
        return jdbc.sql("SELECT data, content_type FROM start_page_image WHERE id = :id")
                .param("id", id).query((rs, i) -> new ImageData(rs.getBytes("data"), rs.getString("content_type"))).optional();
    }

    public record ImageData(byte[] data, String contentType) {

        public String extension() {
            return ImageProcessor.extension(contentType);
        }
    }

    private void save(StartPageData data, long version, String action) {
        StartPageData before = data();
        if (version != before.version()) {
            // also a version the page never had (no row yet): never a silent first save over it
            throw new StaleStartPageException();
        }
        Texts texts = data.texts();
        // the section lines' columns and parameters, German and English, in the order of Texts.SECTION_LINES
        List<String> lineColumns = Texts.SECTION_LINES.stream().flatMap(k -> java.util.stream.Stream.of(Texts.column(k),
                Texts.column(k) + "_en")).toList();
        List<String> lineParams = Texts.SECTION_LINES.stream().flatMap(k -> java.util.stream.Stream.of(k, k + "En")).toList();
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        INSERT INTO start_page (id, heading, heading_en, intro, intro_en, intro_html, intro_en_html,
                            reallabore_text, reallabore_text_en, reallabore_html, reallabore_en_html,
                            about_heading, about_heading_en, about_text, about_text_en, about_html, about_en_html,
                            %s, sections, version, updated_by, updated_at)
                        SELECT 1, :heading, :headingEn, :intro, :introEn, :introHtml, :introEnHtml,
                            :reallabore, :reallaboreEn, :reallaboreHtml, :reallaboreEnHtml,
                            :aboutHeading, :aboutHeadingEn, :about, :aboutEn, :aboutHtml, :aboutEnHtml,
                            %s, CAST(:sections AS VARCHAR(20)[]), 1, :by, :now
                        ON CONFLICT (id) DO UPDATE SET %s, heading = EXCLUDED.heading, heading_en = EXCLUDED.heading_en,
                            intro = EXCLUDED.intro, intro_en = EXCLUDED.intro_en,
                            intro_html = EXCLUDED.intro_html, intro_en_html = EXCLUDED.intro_en_html,
                            reallabore_text = EXCLUDED.reallabore_text, reallabore_text_en = EXCLUDED.reallabore_text_en,
                            reallabore_html = EXCLUDED.reallabore_html, reallabore_en_html = EXCLUDED.reallabore_en_html,
                            about_heading = EXCLUDED.about_heading, about_heading_en = EXCLUDED.about_heading_en,
                            about_text = EXCLUDED.about_text, about_text_en = EXCLUDED.about_text_en,
                            about_html = EXCLUDED.about_html, about_en_html = EXCLUDED.about_en_html, sections = EXCLUDED.sections,
                            version = start_page.version + 1, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        WHERE start_page.version = :version""".formatted(String.join(", ", lineColumns),
                        String.join(", ", lineParams.stream().map(p -> ":" + p).toList()),
                        String.join(", ", lineColumns.stream().map(c -> c + " = EXCLUDED." + c).toList())))
                .param("heading", texts.heading().de()).param("headingEn", texts.heading().en(), java.sql.Types.VARCHAR)
                .param("intro", texts.intro().de()).param("introEn", texts.intro().en(), java.sql.Types.VARCHAR)
                .param("introHtml", RichText.toHtml(texts.intro().de()))
                .param("introEnHtml", html(texts.intro().en()), java.sql.Types.VARCHAR)
                .param("reallabore", texts.reallabore().de()).param("reallaboreEn", texts.reallabore().en(), java.sql.Types.VARCHAR)
                .param("reallaboreHtml", RichText.toHtml(texts.reallabore().de()))
                .param("reallaboreEnHtml", html(texts.reallabore().en()), java.sql.Types.VARCHAR)
                .param("aboutHeading", texts.aboutHeading().de())
                .param("aboutHeadingEn", texts.aboutHeading().en(), java.sql.Types.VARCHAR)
                .param("about", texts.about().de()).param("aboutEn", texts.about().en(), java.sql.Types.VARCHAR)
                .param("aboutHtml", RichText.toHtml(texts.about().de()))
                .param("aboutEnHtml", html(texts.about().en()), java.sql.Types.VARCHAR)
                .param("sections", "{" + String.join(",", data.sections().stream().map(Enum::name).toList()) + "}")
                .param("version", version).param("by", user()).param("now", OffsetDateTime.now(clock));
        for (String key : Texts.SECTION_LINES) {
            statement = statement.param(key, texts.get(key).de()).param(key + "En", texts.get(key).en(), java.sql.Types.VARCHAR);
        }
        int saved = statement.update();
        if (saved == 0) {
            // the row exists with another version: someone saved since the form was opened
            throw new StaleStartPageException();
        }
        jdbc.sql("DELETE FROM start_page_highlight").update();
        for (int i = 0; i < data.highlights().size(); i++) {
            Highlight h = data.highlights().get(i);
            jdbc.sql("""
                            INSERT INTO start_page_highlight (position, title, title_en, text, text_en, link, image_id, image_alt, image_alt_en)
                            SELECT :position, :title, :titleEn, :text, :textEn, :link, i.id, CASE WHEN i.id IS NOT NULL THEN :alt END,
                                   CASE WHEN i.id IS NOT NULL THEN :altEn END
                            FROM (SELECT 1) one LEFT JOIN start_page_image i ON i.id = :image""")
                    .param("position", i).param("title", h.title()).param("titleEn", h.titleEn()).param("text", h.text())
                    .param("textEn", h.textEn()).param("link", h.link())
                    // an image id no row has (a hand-made version) is dropped, never a failed save
                    .param("image", h.image() == null ? null : h.image().id(), java.sql.Types.BIGINT)
                    .param("alt", h.image() == null ? null : h.image().alt(), java.sql.Types.VARCHAR)
                    .param("altEn", h.image() == null ? null : h.image().altEn(), java.sql.Types.VARCHAR).update();
        }
        versions.keep(ENTITY, ID, before.state());
        auditLog.record(ENTITY, ID, action, before.audit(), data.audit());
    }

    /** The kept versions, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions() {
        return versions.of(ENTITY, ID);
    }

    /** Restores a kept version; the page it replaces is kept in turn. @return false: no such version */
    public boolean restore(int number) {
        Optional<Version> version = versions.find(ENTITY, ID, number);
        if (version.isEmpty()) {
            return false;
        }
        save(StartPageData.of(version.get().state(), builtInTexts(), data().version()), data().version(), "RESTORED");
        return true;
    }

    private static String html(String markdown) {
        return markdown == null ? null : RichText.toHtml(markdown);
    }

    /** The message bundle's text, what the page shows until staff save their own. */
    private Texts builtInTexts() {
        return new Texts(builtIn("content.home.heading"), Localized.of(builtInIntro(Locale.GERMAN), builtInIntro(Locale.ENGLISH)),
                builtIn("content.home.reallabore.text"), builtIn("content.home.about"), builtIn("content.home.about.text"),
                builtIn("content.home.title"), builtIn("content.home.directory"), builtIn("content.home.search"),
                builtIn("content.home.highlights"), builtIn("content.home.news"), builtIn("content.home.news.all"),
                builtIn("content.home.events"), builtIn("content.home.events.all"), builtIn("content.home.reallabore"),
                builtIn("content.home.reallabore.all"));
    }

    private Localized builtIn(String key) {
        return Localized.of(messages.getMessage(key, null, Locale.GERMAN), messages.getMessage(key, null, Locale.ENGLISH));
    }

    private String builtInIntro(Locale locale) {
        return messages.getMessage("content.home.intro", null, locale) + "\n\n" + messages.getMessage("content.home.intro2", null, locale);
    }

    private static String user() {
        CurrentUser user = CurrentUser.get();
        return user == null ? "system" : user.email();
    }

    /**
     * A highlight's image: {@code alt} is its alt text (German), {@code altEn} the optional English one; width,
     * height and extension are 0 and null in a version being restored, whose image is found by its id.
     */
    public record HighlightImage(long id, String alt, String altEn, int width, int height, String extension) {

        public HighlightImage {
            altEn = altEn == null || altEn.isBlank() ? null : altEn.strip();
        }

        /** The alt text in the visitor's language; German (marked lang="de") where there is no English. */
        public Localized localizedAlt() {
            return Localized.of(alt, altEn);
        }

        /** The public address; an image never changes, so it is cached for a year. */
        public String url() {
            return "/startseite/bilder/" + id + "." + extension;
        }
    }

    /**
     * A box on the start page leading to a page of the portal or another site. English fields may be null;
     * {@code image} null when it has none.
     */
    public record Highlight(String title, String titleEn, String text, String textEn, String link, HighlightImage image) {

        public Highlight(String title, String titleEn, String text, String textEn, String link) {
            this(title, titleEn, text, textEn, link, null);
        }

        public Highlight withImage(HighlightImage image) {
            return new Highlight(title, titleEn, text, textEn, link, image);
        }

        public Localized localizedTitle() {
            return Localized.of(title, titleEn);
        }

        public Localized localizedText() {
            return Localized.of(text, textEn);
        }

        public boolean external() {
            return link.startsWith("https://");
        }

        Map<String, Object> state() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("titleEn", titleEn);
            fields.put("text", text);
            fields.put("textEn", textEn);
            fields.put("link", link);
            if (image != null) {
                fields.put("imageId", image.id());
                fields.put("imageAlt", image.alt());
                if (image.altEn() != null) {
                    fields.put("imageAltEn", image.altEn());
                }
            }
            return fields;
        }

        static Highlight of(Map<String, Object> state) {
            HighlightImage image = state.get("imageId") instanceof Number n
                    ? new HighlightImage(n.longValue(), stateText(state, "imageAlt"), stateText(state, "imageAltEn"), 0, 0, null) : null;
            return new Highlight(stateText(state, "title"), stateText(state, "titleEn"), stateText(state, "text"), stateText(state, "textEn"),
                    stateText(state, "link"), image);
        }
    }

    private static String stateText(Map<String, Object> state, String key) {
        Object value = state.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * The start page's own text, each German and optionally English ({@link Localized#en()} null): introduction, the
     * Reallabore paragraph and the text about the portal are Markdown; the rest is one line of plain text each: the page
     * heading, the heading of "About this portal" and the section lines (the page's title, the headings of its sections,
     * the search field's label, the texts of the links to all news, events and Reallabore).
     */
    public record Texts(Localized heading, Localized intro, Localized reallabore, Localized aboutHeading, Localized about,
                        Localized pageTitle, Localized directoryHeading, Localized searchLabel, Localized highlightsHeading,
                        Localized newsHeading, Localized newsAll, Localized eventsHeading, Localized eventsAll,
                        Localized reallaboreHeading, Localized reallaboreAll) {

        /** The names of the columns, the kept versions' keys and (without "En") the form's fields, German first. */
        static final List<String> KEYS = List.of("heading", "intro", "reallabore", "aboutHeading", "about", "pageTitle",
                "directoryHeading", "searchLabel", "highlightsHeading", "newsHeading", "newsAll", "eventsHeading", "eventsAll",
                "reallaboreHeading", "reallaboreAll");

        /** The lines around the sections (since V96), saved as typed. */
        static final List<String> SECTION_LINES = KEYS.subList(KEYS.indexOf("pageTitle"), KEYS.size());

        public List<Localized> all() {
            return List.of(heading, intro, reallabore, aboutHeading, about, pageTitle, directoryHeading, searchLabel,
                    highlightsHeading, newsHeading, newsAll, eventsHeading, eventsAll, reallaboreHeading, reallaboreAll);
        }

        /** One text by its key. */
        Localized get(String key) {
            return all().get(KEYS.indexOf(key));
        }

        /** The texts in the order of {@link #KEYS}. */
        static Texts of(List<Localized> t) {
            return new Texts(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), t.get(7), t.get(8), t.get(9),
                    t.get(10), t.get(11), t.get(12), t.get(13), t.get(14));
        }

        /** The German column of a text; the English one adds "_en". */
        static String column(String key) {
            return switch (key) {
                case "reallabore" -> "reallabore_text";
                case "about" -> "about_text";
                default -> key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            };
        }

        /**
         * @param value a text by its key (German) or key + "En" (English); null where none was kept
         * @param builtIn what a text without German value shows, in both languages (a page saved before it was editable)
         */
        static Texts of(java.util.function.Function<String, String> value, Texts builtIn) {
            List<Localized> texts = new java.util.ArrayList<>();
            for (int k = 0; k < KEYS.size(); k++) {
                String de = value.apply(KEYS.get(k));
                texts.add(de == null ? builtIn.all().get(k) : Localized.of(de, value.apply(KEYS.get(k) + "En")));
            }
            return of(texts);
        }

        /** The texts of a start_page row by key; the columns are named like the keys, English ones end in "_en". */
        static java.util.function.Function<String, String> row(java.sql.ResultSet rs) throws java.sql.SQLException {
            Map<String, String> values = new java.util.HashMap<>();
            for (String key : KEYS) {
                String column = column(key);
                values.put(key, rs.getString(column));
                values.put(key + "En", rs.getString(column + "_en"));
            }
            return values::get;
        }

        void putInto(Map<String, Object> fields) {
            for (int k = 0; k < KEYS.size(); k++) {
                fields.put(KEYS.get(k), all().get(k).de());
                fields.put(KEYS.get(k) + "En", all().get(k).en());
            }
        }
    }

    /** @param texts the page's own text; what a kept version lacks is the built-in text */
    public record StartPageData(Texts texts, List<Highlight> highlights, List<Section> sections, long version) {

        /** Everything a restore needs, as kept in content_version. */
        Map<String, Object> state() {
            Map<String, Object> fields = new LinkedHashMap<>();
            texts.putInto(fields);
            fields.put("highlights", highlights.stream().map(Highlight::state).toList());
            fields.put("sections", sections.stream().map(Enum::name).toList());
            return fields;
        }

        @SuppressWarnings("unchecked")
        static StartPageData of(Map<String, Object> state, Texts builtIn, long version) {
            List<Highlight> highlights = ((List<Map<String, Object>>) state.getOrDefault("highlights", List.of())).stream()
                    .map(Highlight::of).toList();
            List<Section> sections = ((List<String>) state.getOrDefault("sections", List.of())).stream().map(Section::valueOf).toList();
            return new StartPageData(Texts.of(key -> stateText(state, key), builtIn), highlights,
                    sections.isEmpty() ? BUILT_IN_ORDER : sections, version);
        }

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            texts.putInto(fields);
            fields.put("highlights", highlights.stream().map(h -> h.title() + " → " + h.link()).toList());
            fields.put("sections", sections.stream().map(Enum::name).toList());
            return fields;
        }
    }

    /**
     * The page visitors see. @param texts the one-line texts (headings, labels, link texts) are shown from here as they
     * are; @param intro, reallabore, about the Markdown texts as cleaned HTML
     */
    public record StartPage(Texts texts, Localized intro, List<Highlight> highlights, List<Section> sections,
                            Localized reallabore, Localized about) {

        /** The page of texts not saved yet (the built-in ones, or a preview): the Markdown rendered and cleaned now. */
        public static StartPage rendered(Texts texts, List<Highlight> highlights, List<Section> sections) {
            return new StartPage(texts, texts.intro().map(RichText::toHtml), highlights, sections,
                    texts.reallabore().map(RichText::toHtml), texts.about().map(RichText::toHtml));
        }
    }

    public static class StaleStartPageException extends RuntimeException {
        public StaleStartPageException() {
            super("start page changed meanwhile");
        }
    }
}
