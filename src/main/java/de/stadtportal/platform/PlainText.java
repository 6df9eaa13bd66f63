package de.stadtportal.platform;

import java.util.Arrays;
import java.util.List;

/**
 * Text that staff write without markup: paragraphs are separated by blank lines and each is shown
 * escaped in its own element, so there is nothing to sanitise and nothing that can break a page.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The paragraphs of a text, whatever its line breaks (\r\n, \r or \n); empty ones dropped. */
    public static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n"))
                .map(String::strip).filter(paragraph -> !paragraph.isEmpty()).toList();
    }
}
