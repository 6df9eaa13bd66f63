package de.stadtportal.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One record of a module as one {@link SearchableDocument} per language the portal speaks, the text made
 * per language (kind labels and the like come from the module's bundle); for sources whose records have
 * no translation of their own but whose text names translated things.
 */
public final class DocumentsPerLanguage {

    /** The languages of the portal, German first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

    private DocumentsPerLanguage() {
    }

    public static List<SearchableDocument> of(String kind, String key, String title, Function<Locale, String> text,
                                              String url, Instant updated) {
        return LANGUAGES.stream()
                .map(language -> new SearchableDocument(kind, key, language.getLanguage(), title, text.apply(language),
                        url, updated))
                .toList();
    }
}
