package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Locale;

import de.stadtportal.directory.DirectoryApi.Option;
import de.stadtportal.platform.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The choices of the directory's search form – categories in their order, districts by name – kept for one
 * public data version ({@link de.stadtportal.platform.database.PublicDataVersion}, advanced at the commit of
 * every change, so lists read after a version was seen are never older than it). The list page gets the
 * version with its results ({@link BusinessSearch#page}), so a search asks the database nothing for its form.
 */
@Component
public class SearchOptions {

    private final JdbcClient jdbc;
    private volatile Kept kept;

    SearchOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The form's choices in one language. */
    public record Choices(List<Choice> categories, List<Choice> districts) {

        static Choices of(List<Option> categories, List<Option> districts, Locale locale) {
            return new Choices(categories.stream().map(o -> Choice.of(o, locale)).toList(),
                    districts.stream().map(o -> Choice.of(o, locale)).toList());
        }
    }

    /**
     * One option of a select: the slug as value, the label in the page's language and {@code lang="de"} where a
     * German name stands on an English page (null: no attribute), worked out once instead of per option and request.
     */
    public record Choice(String value, String label, String lang) {

        static Choice of(Option option, Locale locale) {
            Localized label = option.label();
            return new Choice(option.slug(), label.in(locale), label.lang(locale));
        }
    }

    private record Kept(long version, Choices german, Choices english) {
    }

    /** The categories and districts as of {@code version} (read from the database when it is not the kept one). */
    public Choices at(long version, Locale locale) {
        Kept current = kept;
        if (current == null || current.version() != version) {
            List<Option> categories = categories(jdbc);
            List<Option> districts = districts(jdbc);
            current = new Kept(version, Choices.of(categories, districts, Locale.GERMAN), Choices.of(categories, districts, Locale.ENGLISH));
            kept = current;
        }
        return "en".equals(locale.getLanguage()) ? current.english() : current.german();
    }

    static List<Option> categories(JdbcClient jdbc) {
        return jdbc.sql("SELECT slug, name, name_en FROM category ORDER BY position, name")
                .query((rs, i) -> new Option(rs.getString("slug"), rs.getString("name"), rs.getString("name_en"))).list();
    }

    static List<Option> districts(JdbcClient jdbc) {
        return jdbc.sql("SELECT slug, name, name_en FROM district ORDER BY name")
                .query((rs, i) -> new Option(rs.getString("slug"), rs.getString("name"), rs.getString("name_en"))).list();
    }
}
