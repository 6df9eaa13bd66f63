package de.stadtportal.reallabor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.stadtportal.platform.PlainInput;
import de.stadtportal.reallabor.domain.ListItem;
import de.stadtportal.reallabor.domain.LiveOffer;
import de.stadtportal.reallabor.domain.MeasureData;
import de.stadtportal.reallabor.domain.MeasureResult;
import de.stadtportal.reallabor.domain.ReallaborText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

/** The staff's forms of the Reallabore: typed records, one per form, with the field rules. */
final class ReallaborForms {

    static final int EMPTY_RESULT_ROWS = 3;

    private ReallaborForms() {
    }

    record ReallaborForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}") @PlainInput String title,
            @Size(max = 200, message = "{platform.validation.tooLong}") @PlainInput String titleEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 1000, message = "{platform.validation.tooLong}") @PlainInput String summary,
            @Size(max = 1000, message = "{platform.validation.tooLong}") @PlainInput String summaryEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String background,
            @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String backgroundEn,
            @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String goals,
            @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String goalsEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String outlook,
            @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String outlookEn,
            long version) {

        static ReallaborForm of(ReallaborText t, long version) {
            return new ReallaborForm(t.title(), t.titleEn(), t.summary(), t.summaryEn(), t.background(), t.backgroundEn(),
                    t.goals(), t.goalsEn(), t.outlook(), t.outlookEn(), version);
        }

        ReallaborForm withVersion(long current) {
            return new ReallaborForm(title, titleEn, summary, summaryEn, background, backgroundEn, goals, goalsEn, outlook,
                    outlookEn, current);
        }

        ReallaborText text() {
            return new ReallaborText(title, titleEn, summary, summaryEn, background, backgroundEn,
                    goals == null ? "" : goals, goalsEn, outlook, outlookEn);
        }
    }

    record ResultRow(
            @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{reallabor.admin.datedFormat}") String dated,
            @Size(max = 60, message = "{platform.validation.tooLong}") @PlainInput String dateLabel,
            @Size(max = 60, message = "{platform.validation.tooLong}") @PlainInput String dateLabelEn,
            @Size(max = 2000, message = "{platform.validation.tooLong}") @PlainInput String text,
            @Size(max = 2000, message = "{platform.validation.tooLong}") @PlainInput String textEn) {

        boolean blank() {
            return dated == null && text == null;
        }
    }

    /** Lists are one entry per line; line n of an English list translates line n of the German one. */
    record MeasureForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 300, message = "{platform.validation.tooLong}") @PlainInput String title,
            @Size(max = 300, message = "{platform.validation.tooLong}") @PlainInput String titleEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 300, message = "{platform.validation.tooLong}") @PlainInput String coordination,
            @Size(max = 300, message = "{platform.validation.tooLong}") @PlainInput String coordinationEn,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String activities,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String activitiesEn,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String funding,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String fundingEn,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String targetGroups,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String targetGroupsEn,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String addedValues,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String addedValuesEn,
            List<String> actorIds,
            @Size(max = 2000, message = "{platform.validation.tooLong}") @PlainInput String newActors,
            List<String> megatrendIds,
            List<String> sdgs,
            List<LiveOffer> links,
            @Valid @Size(max = 40, message = "{reallabor.admin.tooManyResults}") List<ResultRow> results,
            long version) {

        static MeasureForm empty() {
            return of(new MeasureData(null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of()), 0);
        }

        static MeasureForm of(MeasureData d, long version) {
            List<ResultRow> rows = new ArrayList<>(d.results().stream().map(r -> new ResultRow(r.dated(), r.dateLabel(),
                    r.dateLabelEn(), r.text(), r.textEn())).toList());
            return new MeasureForm(d.title(), d.titleEn(), d.coordination(), d.coordinationEn(), german(d.activities()),
                    english(d.activities()), german(d.funding()), english(d.funding()), german(d.targetGroups()),
                    english(d.targetGroups()), german(d.addedValues()), english(d.addedValues()), strings(d.actorIds()), null,
                    strings(d.megatrendIds()), strings(d.sdgs()), d.links(), rows, version).withEmptyRows();
        }

        MeasureForm withEmptyRows() {
            List<ResultRow> rows = new ArrayList<>(results == null ? List.of() : results.stream().filter(r -> !r.blank()).toList());
            for (int i = 0; i < EMPTY_RESULT_ROWS; i++) {
                rows.add(new ResultRow(null, null, null, null, null));
            }
            return new MeasureForm(title, titleEn, coordination, coordinationEn, activities, activitiesEn, funding, fundingEn,
                    targetGroups, targetGroupsEn, addedValues, addedValuesEn, actorIds, newActors, megatrendIds, sdgs, links,
                    rows, version);
        }

        MeasureForm withVersion(long current) {
            return new MeasureForm(title, titleEn, coordination, coordinationEn, activities, activitiesEn, funding, fundingEn,
                    targetGroups, targetGroupsEn, addedValues, addedValuesEn, actorIds, newActors, megatrendIds, sdgs, links,
                    results, current);
        }

        /** The checks that need more than one field; errors go next to the field. */
        void check(BindingResult result) {
            numbers(result, "actorIds", actorIds);
            numbers(result, "megatrendIds", megatrendIds);
            numbers(result, "sdgs", sdgs);
            pair(result, "activities", activities, activitiesEn);
            pair(result, "funding", funding, fundingEn);
            pair(result, "targetGroups", targetGroups, targetGroupsEn);
            pair(result, "addedValues", addedValues, addedValuesEn);
            if (results != null) {
                for (int i = 0; i < results.size(); i++) {
                    ResultRow row = results.get(i);
                    String prefix = "results[" + i + "].";
                    if (row.dated() != null && !result.hasFieldErrors(prefix + "dated") && !validDate(row.dated())) {
                        result.rejectValue(prefix + "dated", "reallabor.admin.datedFormat");
                    }
                    if (row.text() == null && (row.dated() != null || row.textEn() != null || row.dateLabel() != null)) {
                        result.rejectValue(prefix + "text", "platform.validation.required");
                    }
                    if (row.dated() != null && row.dateLabel() == null) {
                        result.rejectValue(prefix + "dateLabel", "reallabor.admin.dateLabelRequired");
                    }
                    if (row.dated() == null && (row.dateLabel() != null || row.dateLabelEn() != null)) {
                        result.rejectValue(prefix + "dated", "reallabor.admin.datedRequired");
                    }
                }
            }
        }

        private static void pair(BindingResult result, String field, String german, String english) {
            if (!result.hasFieldErrors(field + "En") && rawLines(english).size() > rawLines(german).size()) {
                result.rejectValue(field + "En", "reallabor.admin.moreEnglishLines");
            }
        }

        private static boolean validDate(String dated) {
            try {
                if (dated.length() == 10) {
                    java.time.LocalDate.parse(dated);
                } else if (dated.length() == 7) {
                    java.time.YearMonth.parse(dated);
                }
                return true;
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }

        MeasureData data() {
            return new MeasureData(title, titleEn, coordination, coordinationEn, items(activities, activitiesEn),
                    items(funding, fundingEn), items(targetGroups, targetGroupsEn), items(addedValues, addedValuesEn),
                    longs(actorIds),
                    lines(newActors).stream().filter(n -> n.length() <= 200).distinct().toList(),
                    longs(megatrendIds),
                    longs(sdgs).stream().filter(n -> n >= 1 && n <= 17).map(Long::shortValue).toList(),
                    links == null ? List.of() : links.stream().filter(java.util.Objects::nonNull).distinct().toList(),
                    results == null ? List.of() : results.stream().filter(r -> !r.blank()).map(r -> new MeasureResult.Data(
                            r.dated(), r.dateLabel(), r.dated() == null ? null : r.dateLabelEn(), r.text(), r.textEn())).toList());
        }
    }

    /** Checkbox values as text, so a forged value comes back as a message next to the group, not as a failed binding. */
    private static void numbers(BindingResult result, String field, List<String> values) {
        if (values != null && values.stream().anyMatch(v -> v != null && !v.matches("\\d{1,18}"))) {
            result.rejectValue(field, "typeMismatch");
        }
    }

    private static List<Long> longs(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && v.matches("\\d{1,18}"))
                .map(Long::valueOf).distinct().toList();
    }

    private static List<String> strings(List<? extends Number> values) {
        return values.stream().map(String::valueOf).toList();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The lines as typed, trailing empty ones dropped: an empty English line keeps the lines below in place. */
    private static List<String> rawLines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.stripTrailing().split("\\R", -1));
    }

    private static List<ListItem> items(String german, String english) {
        List<String> de = rawLines(german);
        List<String> en = rawLines(english);
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < de.size(); i++) {
            String translation = i < en.size() ? en.get(i).strip() : "";
            if (!de.get(i).isBlank()) {
                items.add(new ListItem(de.get(i).strip(), translation.isEmpty() ? null : translation));
            }
        }
        return items;
    }

    private static String german(List<ListItem> items) {
        return String.join("\n", items.stream().map(ListItem::getText).toList());
    }

    private static String english(List<ListItem> items) {
        return String.join("\n", items.stream().map(i -> i.getTextEn() == null ? "" : i.getTextEn()).toList()).stripTrailing();
    }

    record NameForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}") @PlainInput String name,
            @Size(max = 120, message = "{platform.validation.tooLong}") @PlainInput String nameEn) {
    }

    /** A checkbox of a group. @param lang "de" where a German label stands on an English page */
    record Option(String value, String label, String lang) {
    }
}
