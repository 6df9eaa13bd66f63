package de.stadtportal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Search documents for pages whose text lives in a message bundle (legal pages, Handwerk, Sprechtag):
 * one German and one English document per page, the text joined from the page's message keys.
 */
public final class PageTexts {

    private static final Locale GERMAN = Locale.GERMAN;

    private PageTexts() {
    }

    /** The German and English document of one page. */
    public static List<SearchableDocument> page(MessageSource messages, String kind, String key, String url, String titleKey,
                                                List<String> textKeys, Instant updated) {
        List<SearchableDocument> documents = new ArrayList<>();
        for (Locale locale : List.of(GERMAN, Locale.ENGLISH)) {
            StringBuilder text = new StringBuilder();
            for (String textKey : textKeys) {
                String value = messages.getMessage(textKey, null, "", locale);
                // placeholders ({0}) are filled on the page, not here
                text.append(value.replaceAll("\\{\\d+[^}]*}", " ").replace("\\n", "\n")).append('\n');
            }
            documents.add(new SearchableDocument(kind, key, locale.getLanguage(), messages.getMessage(titleKey, null, titleKey, locale),
                    text.toString().strip(), url, updated));
        }
        return documents;
    }

    /** The keys of a bundle (messages/{@code bundle}.properties) that start with one of the prefixes, in file order. */
    public static List<String> keys(String bundle, String... prefixes) {
        List<String> keys = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("messages/" + bundle + ".properties").getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .filter(key -> java.util.Arrays.stream(prefixes).anyMatch(key::startsWith))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** When a bundle file was last changed (the build's time inside a jar): the pages' date for the sitemap. */
    public static Instant changed(String bundle) {
        try {
            long modified = new ClassPathResource("messages/" + bundle + ".properties").lastModified();
            return modified > 0 ? Instant.ofEpochMilli(modified) : Instant.EPOCH;
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
