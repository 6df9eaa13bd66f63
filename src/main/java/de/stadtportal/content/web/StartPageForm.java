package de.stadtportal.content.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtportal.content.domain.StartPageService;
import de.stadtportal.content.domain.StartPageService.Highlight;
import de.stadtportal.content.domain.StartPageService.HighlightImage;
import de.stadtportal.content.domain.StartPageService.Section;
import de.stadtportal.content.domain.StartPageService.StartPageData;
import de.stadtportal.content.domain.StartPageService.Texts;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlainInput;
import de.stadtportal.platform.images.ImageProcessor.Processed;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The start page editor: the page's own text (headings, the page title, the search field's label and the link texts
 * one line, the rest Markdown; German required, English optional), six highlight rows (blank ones are dropped), the
 * sections' order 1–5.
 */
record StartPageForm(
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String heading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
        @PlainInput String headingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String intro,
        @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String introEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String reallabore,
        @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String reallaboreEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String aboutHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
        @PlainInput String aboutHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String about,
        @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String aboutEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String pageTitle,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String pageTitleEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String directoryHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String directoryHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String searchLabel,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String searchLabelEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String highlightsHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String highlightsHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String newsHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String newsHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String newsAll,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String newsAllEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String eventsHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String eventsHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String eventsAll,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String eventsAllEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String reallaboreHeading,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String reallaboreHeadingEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String reallaboreAll,
        @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String reallaboreAllEn,
        @Valid List<HighlightRow> highlights,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "[1-5]", message = "{content.start.order.format}") String orderDirectory,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "[1-5]", message = "{content.start.order.format}") String orderHighlights,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "[1-5]", message = "{content.start.order.format}") String orderNews,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "[1-5]", message = "{content.start.order.format}") String orderEvents,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "[1-5]", message = "{content.start.order.format}") String orderReallabore,
        long version) {

    record HighlightRow(
            @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String title,
            @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String titleEn,
            @Size(max = 400, message = "{platform.validation.tooLong}") @PlainInput String text,
            @Size(max = 400, message = "{platform.validation.tooLong}") @PlainInput String textEn,
            @Size(max = 500, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "(/|/[^/\\s]\\S*|https://[^\\s/]\\S*)", message = "{content.start.link.format}") String link,
            MultipartFile image,
            @Size(max = 200, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
            @PlainInput String imageAlt,
            @Size(max = 200, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
            @PlainInput String imageAltEn,
            Boolean removeImage) {

        HighlightRow(String title, String titleEn, String text, String textEn, String link, String imageAlt, String imageAltEn) {
            this(title, titleEn, text, textEn, link, null, imageAlt, imageAltEn, null);
        }

        boolean blank() {
            return title == null && titleEn == null && text == null && textEn == null && link == null && imageAlt == null
                    && imageAltEn == null && !uploads();
        }

        /** Whether a file was chosen. */
        boolean uploads() {
            return image != null && !image.isEmpty();
        }

        boolean removes() {
            return Boolean.TRUE.equals(removeImage);
        }
    }

    static StartPageForm of(StartPageData data) {
        List<HighlightRow> rows = new ArrayList<>(data.highlights().stream()
                .map(h -> new HighlightRow(h.title(), h.titleEn(), h.text(), h.textEn(), h.link(),
                        h.image() == null ? null : h.image().alt(), h.image() == null ? null : h.image().altEn())).toList());
        Map<Section, Integer> order = new java.util.EnumMap<>(Section.class);
        for (int i = 0; i < data.sections().size(); i++) {
            order.put(data.sections().get(i), i + 1);
        }
        Texts t = data.texts();
        return new StartPageForm(t.heading().de(), t.heading().en(), t.intro().de(), t.intro().en(), t.reallabore().de(),
                t.reallabore().en(), t.aboutHeading().de(), t.aboutHeading().en(), t.about().de(), t.about().en(),
                t.pageTitle().de(), t.pageTitle().en(), t.directoryHeading().de(), t.directoryHeading().en(), t.searchLabel().de(),
                t.searchLabel().en(), t.highlightsHeading().de(), t.highlightsHeading().en(), t.newsHeading().de(),
                t.newsHeading().en(), t.newsAll().de(), t.newsAll().en(), t.eventsHeading().de(), t.eventsHeading().en(),
                t.eventsAll().de(), t.eventsAll().en(), t.reallaboreHeading().de(), t.reallaboreHeading().en(), t.reallaboreAll().de(),
                t.reallaboreAll().en(), padded(rows),
                n(order, Section.DIRECTORY), n(order, Section.HIGHLIGHTS), n(order, Section.NEWS), n(order, Section.EVENTS),
                n(order, Section.REALLABORE), data.version());
    }

    private static String n(Map<Section, Integer> order, Section section) {
        return String.valueOf(order.getOrDefault(section, StartPageService.BUILT_IN_ORDER.indexOf(section) + 1));
    }

    /** Always six rows in the form, so staff can add highlights. */
    StartPageForm withSixRows() {
        return with(padded(highlights == null ? new ArrayList<>() : new ArrayList<>(highlights)), version);
    }

    StartPageForm withVersion(long current) {
        return with(highlights, current);
    }

    private StartPageForm with(List<HighlightRow> rows, long version) {
        return new StartPageForm(heading, headingEn, intro, introEn, reallabore, reallaboreEn, aboutHeading, aboutHeadingEn, about,
                aboutEn, pageTitle, pageTitleEn, directoryHeading, directoryHeadingEn, searchLabel, searchLabelEn,
                highlightsHeading, highlightsHeadingEn, newsHeading, newsHeadingEn, newsAll, newsAllEn, eventsHeading,
                eventsHeadingEn, eventsAll, eventsAllEn, reallaboreHeading, reallaboreHeadingEn, reallaboreAll, reallaboreAllEn,
                rows, orderDirectory, orderHighlights, orderNews, orderEvents, orderReallabore, version);
    }

    private static List<HighlightRow> padded(List<HighlightRow> rows) {
        List<HighlightRow> padded = new ArrayList<>(rows.stream().map(r -> r == null ? new HighlightRow(null, null, null, null, null, null, null) : r).toList());
        while (padded.size() < StartPageService.MAX_HIGHLIGHTS) {
            padded.add(new HighlightRow(null, null, null, null, null, null, null));
        }
        return padded;
    }

    /** What one field's annotation cannot check: at most six rows, each row complete or blank, five different places. */
    void check(BindingResult result) {
        if (highlights != null && highlights.size() > StartPageService.MAX_HIGHLIGHTS) {
            result.reject("content.start.highlights.tooMany", new Object[] {StartPageService.MAX_HIGHLIGHTS}, null);
        }
        if (highlights != null) {
            for (int i = 0; i < Math.min(highlights.size(), StartPageService.MAX_HIGHLIGHTS); i++) {
                HighlightRow row = highlights.get(i);
                if (row == null || row.blank()) {
                    continue;
                }
                Map<String, String> required = new java.util.LinkedHashMap<>();
                required.put("title", row.title());
                required.put("text", row.text());
                required.put("link", row.link());
                for (Map.Entry<String, String> field : required.entrySet()) {
                    String path = "highlights[" + i + "]." + field.getKey();
                    if (!result.hasFieldErrors(path) && field.getValue() == null) {
                        result.rejectValue(path, "platform.validation.required");
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> orders = new java.util.LinkedHashMap<>();
        orders.put("orderDirectory", orderDirectory);
        orders.put("orderHighlights", orderHighlights);
        orders.put("orderNews", orderNews);
        orders.put("orderEvents", orderEvents);
        orders.put("orderReallabore", orderReallabore);
        for (Map.Entry<String, String> order : orders.entrySet()) {
            if (!result.hasFieldErrors(order.getKey()) && order.getValue() != null && !seen.add(order.getValue())) {
                result.rejectValue(order.getKey(), "content.start.order.twice");
            }
        }
    }

    /** Only after {@link #check} found no errors; without images (the preview). */
    StartPageData data() {
        return prepared(List.of(), Map.of()).data();
    }

    /** The page to save and its new images, by index in its highlights. */
    record Prepared(StartPageData data, Map<Integer, Processed> images) {
    }

    /**
     * Only after {@link #check} found no errors.
     * @param current the highlights the form was opened with: row i keeps the image of highlight i unless removed or replaced
     * @param uploads the checked uploads by form row
     */
    Prepared prepared(List<Highlight> current, Map<Integer, Processed> uploads) {
        List<Highlight> rows = new ArrayList<>();
        Map<Integer, Processed> images = new java.util.HashMap<>();
        for (int i = 0; highlights != null && i < highlights.size(); i++) {
            HighlightRow r = highlights.get(i);
            if (r == null || r.blank()) {
                continue;
            }
            HighlightImage image = null;
            HighlightImage before = i < current.size() ? current.get(i).image() : null;
            if (uploads.containsKey(i)) {
                images.put(rows.size(), uploads.get(i));
                image = new HighlightImage(0, r.imageAlt(), r.imageAltEn(), 0, 0, null);
            } else if (before != null && !r.removes()) {
                image = new HighlightImage(before.id(), r.imageAlt(), r.imageAltEn(), before.width(), before.height(), before.extension());
            }
            rows.add(new Highlight(r.title(), r.titleEn(), r.text(), r.textEn(), r.link(), image));
        }
        Map<Section, String> order = Map.of(Section.DIRECTORY, orderDirectory, Section.HIGHLIGHTS, orderHighlights,
                Section.NEWS, orderNews, Section.EVENTS, orderEvents, Section.REALLABORE, orderReallabore);
        List<Section> sections = order.keySet().stream().sorted(Comparator.comparing(order::get)).toList();
        Texts texts = new Texts(Localized.of(heading, headingEn), text(intro, introEn), text(reallabore, reallaboreEn),
                Localized.of(aboutHeading, aboutHeadingEn), text(about, aboutEn), Localized.of(pageTitle, pageTitleEn),
                Localized.of(directoryHeading, directoryHeadingEn), Localized.of(searchLabel, searchLabelEn),
                Localized.of(highlightsHeading, highlightsHeadingEn), Localized.of(newsHeading, newsHeadingEn),
                Localized.of(newsAll, newsAllEn), Localized.of(eventsHeading, eventsHeadingEn), Localized.of(eventsAll, eventsAllEn),
                Localized.of(reallaboreHeading, reallaboreHeadingEn), Localized.of(reallaboreAll, reallaboreAllEn));
        return new Prepared(new StartPageData(texts, rows, sections, version), images);
    }

    private static Localized text(String de, String en) {
        return Localized.of(normalise(de), normalise(en));
    }

    private static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
