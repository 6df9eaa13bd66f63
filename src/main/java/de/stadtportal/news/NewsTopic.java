package de.stadtportal.news;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a news item is about; section pages show the news of their topic. The label is the message
 * {@code news.topic.<NAME>}; the URL key ({@code /aktuelles?thema=handwerk}) is the lower-case name.
 * A new topic also needs a migration widening the check on {@code news.topics}.
 */
public enum NewsTopic {
    FAIRTRADE, HANDWERK, FACHKRAEFTE, HANDEL, DIGITALISIERUNG, REALLABORE, VERANSTALTUNGEN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "news.topic." + name();
    }

    public static Optional<NewsTopic> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
