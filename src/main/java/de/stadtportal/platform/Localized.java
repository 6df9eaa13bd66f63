package de.stadtportal.platform;

import java.util.Locale;

/**
 * A text staff write in German and, optionally, in English. Where the English text is empty the German
 * one is shown, and {@link #lang} marks it so screen readers pronounce it as German:
 * {@code <p th:text="${x.in(#locale)}" th:lang="${x.lang(#locale)}">}.
 */
public record Localized(String de, String en) {

    public static Localized of(String de, String en) {
        return new Localized(de == null ? "" : de, en == null || en.isBlank() ? null : en);
    }

    /** The text in the visitor's language, German where there is no English. */
    public String in(Locale locale) {
        return english(locale) && en != null ? en : de;
    }

    /** "de" where a German text stands on an English page, else null (no attribute). */
    public String lang(Locale locale) {
        return english(locale) && en == null ? "de" : null;
    }

    public boolean isEmpty() {
        return de.isBlank();
    }

    /** The same text in both languages, passed through a function (e.g. Markdown to HTML). */
    public Localized map(java.util.function.UnaryOperator<String> function) {
        return new Localized(function.apply(de), en == null ? null : function.apply(en));
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
