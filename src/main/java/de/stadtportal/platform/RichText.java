package de.stadtportal.platform;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Text that staff write as Markdown (headings, lists, links, emphasis, tables). Rendered to HTML by
 * commonmark-java once per save and kept; the HTML is cleaned by the OWASP sanitizer when rendered and
 * again when read back for a page, so neither a bug in the renderer nor a row changed in the
 * database can bring script, style, frames, event handlers or {@code javascript:} URLs onto a page.
 */
public final class RichText {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    // raw HTML in the Markdown is shown as text, never passed on
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    /**
     * What may stay. A heading of level 1 becomes level 2: the page's own title is its only h1.
     * Links to other sites get rel="nofollow noopener"; tables lose their (obsolete) align attributes.
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre",
                    "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td")
            .allowElements((name, attributes) -> "h2", "h1")
            .allowAttributes("start").matching(true, "1", "2", "3", "4", "5", "6", "7", "8", "9").onElements("ol")
            .allowUrlProtocols("https", "http", "mailto", "tel")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a")
            .allowElements((name, attributes) -> {
                int href = attributes.indexOf("href");
                if (href < 0 || href % 2 != 0) {
                    return null; // a link without a (safe) address is dropped, its text kept
                }
                String url = attributes.get(href + 1).strip();
                if (url.isEmpty()) {
                    return null;
                }
                if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//")) {
                    attributes.add("rel");
                    attributes.add("nofollow noopener");
                }
                return name;
            }, "a")
            .toFactory();

    private RichText() {
    }

    /** The cleaned HTML of a Markdown text; empty for null or blank. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return clean(RENDERER.render(PARSER.parse(markdown)));
    }

    /** HTML kept from {@link #toHtml}, cleaned again before it goes onto a page. */
    public static String clean(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
