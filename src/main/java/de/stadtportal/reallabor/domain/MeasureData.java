package de.stadtportal.reallabor.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What staff edit of a measure, checked by the form; English fields may be null. */
public record MeasureData(String title, String titleEn, String coordination, String coordinationEn,
                          List<ListItem> activities, List<ListItem> funding, List<ListItem> targetGroups,
                          List<ListItem> addedValues, List<Long> actorIds, List<String> newActors,
                          List<Long> megatrendIds, List<Short> sdgs, List<LiveOffer> links,
                          List<MeasureResult.Data> results) {

    static MeasureData of(Measure m) {
        return new MeasureData(m.getTitle(), m.getTitleEn(), m.getCoordination(), m.getCoordinationEn(),
                List.copyOf(m.getActivities()), List.copyOf(m.getFunding()), List.copyOf(m.getTargetGroups()),
                List.copyOf(m.getAddedValues()), m.getActors().stream().map(Actor::getId).toList(), List.of(),
                m.getMegatrends().stream().map(Megatrend::getId).toList(),
                m.getSdgs().stream().map(Sdg::getNumber).toList(), List.copyOf(m.getLinks()),
                m.getResults().stream().map(MeasureResult::data).toList());
    }

    /** As kept in a version and written to the audit log: plain values only. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("titleEn", titleEn);
        f.put("coordination", coordination);
        f.put("coordinationEn", coordinationEn);
        f.put("activities", items(activities));
        f.put("funding", items(funding));
        f.put("targetGroups", items(targetGroups));
        f.put("addedValues", items(addedValues));
        f.put("actorIds", actorIds);
        f.put("megatrendIds", megatrendIds);
        f.put("sdgs", sdgs);
        f.put("links", links.stream().map(Enum::name).toList());
        f.put("results", results.stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("dated", r.dated());
            x.put("dateLabel", r.dateLabel());
            x.put("dateLabelEn", r.dateLabelEn());
            x.put("text", r.text());
            x.put("textEn", r.textEn());
            return x;
        }).toList());
        return f;
    }

    private static List<List<String>> items(List<ListItem> items) {
        List<List<String>> out = new ArrayList<>();
        for (ListItem item : items) {
            out.add(java.util.Arrays.asList(item.getText(), item.getTextEn()));
        }
        return out;
    }

    /** Back from a kept version; actors, megatrends or offers deleted since then are left out. */
    @SuppressWarnings("unchecked")
    static MeasureData of(Map<String, Object> f) {
        return new MeasureData(ReallaborText.s(f, "title"), ReallaborText.s(f, "titleEn"), ReallaborText.s(f, "coordination"),
                ReallaborText.s(f, "coordinationEn"), items(f.get("activities")), items(f.get("funding")),
                items(f.get("targetGroups")), items(f.get("addedValues")), longs(f.get("actorIds")), List.of(),
                longs(f.get("megatrendIds")),
                ((List<Number>) f.getOrDefault("sdgs", List.of())).stream().map(Number::shortValue).toList(),
                ((List<String>) f.getOrDefault("links", List.of())).stream()
                        .filter(n -> java.util.Arrays.stream(LiveOffer.values()).anyMatch(o -> o.name().equals(n)))
                        .map(LiveOffer::valueOf).toList(),
                ((List<Map<String, Object>>) f.getOrDefault("results", List.of())).stream()
                        .map(r -> new MeasureResult.Data(ReallaborText.s(r, "dated"), ReallaborText.s(r, "dateLabel"),
                                ReallaborText.s(r, "dateLabelEn"), ReallaborText.s(r, "text"), ReallaborText.s(r, "textEn")))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<ListItem> items(Object value) {
        return value == null ? List.of() : ((List<List<String>>) value).stream()
                .map(pair -> new ListItem(pair.get(0), pair.size() > 1 ? pair.get(1) : null)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> longs(Object value) {
        return value == null ? List.of() : ((List<Number>) value).stream().map(Number::longValue).toList();
    }
}
