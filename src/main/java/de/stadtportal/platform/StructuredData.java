package de.stadtportal.platform;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** schema.org data (JSON-LD) for a page's {@code <script type="application/ld+json">}. */
public final class StructuredData {

    private static final JsonMapper json = JsonMapper.builder().build();

    private StructuredData() {
    }

    /** The data as JSON; "</" is escaped so no text of a listing or event can ever end the script element. */
    public static String script(Map<String, Object> data) {
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
