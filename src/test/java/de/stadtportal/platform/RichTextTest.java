package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void markdownBecomesHeadingsListsLinksEmphasisAndTables() {
        String html = RichText.toHtml("""
                # Titel

                ## Abschnitt

                Ein *betonter* und **starker** Text mit [Link](https://www.bottrop.de) und [intern](/unternehmen).

                - eins
                - zwei

                | Spalte | Wert |
                | --- | ---: |
                | a | 1 |
                """);
        assertThat(html).contains("<h2>Titel</h2>", "<h2>Abschnitt</h2>", "<em>betonter</em>", "<strong>starker</strong>",
                "<a href=\"https://www.bottrop.de\" rel=\"nofollow noopener\">Link</a>", "<a href=\"/unternehmen\">intern</a>",
                "<ul>", "<li>eins</li>", "<table>", "<th>Spalte</th>", "<td>1</td>");
        assertThat(html).doesNotContain("<h1", "align=");
    }

    @Test
    void scriptStyleFramesHandlersAndJavascriptUrlsNeverPass() {
        String html = RichText.toHtml("""
                <script>alert(1)</script>

                <img src=x onerror="alert(2)">

                <iframe src="https://evil.example"></iframe><style>body{}</style>

                [klick](javascript:alert(3)) [auch](JaVaScRiPt:alert(4)) ![bild](javascript:alert(5))

                <a href="javascript:alert(6)" onclick="alert(7)">x</a>
                """);
        // what is left of them is text, shown as typed
        assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "onerror=", "<iframe", "<style", "href=\"java",
                "onclick=", "<a href=\"\"");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "klick auch");
    }

    @Test
    void storedHtmlIsCleanedAgainOnOutput() {
        assertThat(RichText.clean("<p onclick=\"x()\">Text</p><script>alert(1)</script><a href=\"javascript:x()\">y</a>"))
                .isEqualTo("<p>Text</p>y");
        assertThat(RichText.toHtml(null)).isEmpty();
        assertThat(RichText.toHtml("  ")).isEmpty();
    }
}
