package de.stadtportal.platform;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** schema.org data (JSON-LD) for a page's {@code <script type="application/ld+json">}. */
public final class StructuredData {

    private static final JsonMapper json = JsonMapper.builder().build();

    private StructuredData() {
    }

    /**
     * The data as JSON for a script element in HTML. Every {@code <}, {@code >} and {@code &} is
     * written as a JSON unicode escape, so no text of a listing or event can end the element, open a
     * comment ({@code <!--} makes the HTML parser swallow what follows) or be read as markup; U+2028
     * and U+2029 too, for older script parsers. These characters occur only inside JSON strings,
     * where the escape means the same.
     */
    public static String script(Map<String, Object> data) {
        return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
