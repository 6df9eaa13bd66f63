package de.stadtportal.reallabor.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** What staff edit of a Reallabor; background, goals and outlook are Markdown. English fields may be null. */
public record ReallaborText(String title, String titleEn, String summary, String summaryEn, String background,
                            String backgroundEn, String goals, String goalsEn, String outlook, String outlookEn) {

    /** As kept in a version and written to the audit log. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("titleEn", titleEn);
        fields.put("summary", summary);
        fields.put("summaryEn", summaryEn);
        fields.put("background", background);
        fields.put("backgroundEn", backgroundEn);
        fields.put("goals", goals);
        fields.put("goalsEn", goalsEn);
        fields.put("outlook", outlook);
        fields.put("outlookEn", outlookEn);
        return fields;
    }

    public static ReallaborText of(Map<String, Object> f) {
        return new ReallaborText(s(f, "title"), s(f, "titleEn"), s(f, "summary"), s(f, "summaryEn"), s(f, "background"),
                s(f, "backgroundEn"), s(f, "goals"), s(f, "goalsEn"), s(f, "outlook"), s(f, "outlookEn"));
    }

    static String s(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
