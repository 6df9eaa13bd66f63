package de.stadtportal.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi.Search;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The directory search as the URL gives it, for the list (/unternehmen) and the map
 * (/unternehmen/karte) alike: bookmarkable, works without JavaScript. Read from the query by
 * {@link #from} (see {@link SearchFormBinding} for why not by Spring's data binding).
 */
record SearchForm(String q, String category, String district, List<String> attributes, Boolean openNow, String sort,
                  Integer page) {

    static final int MAX_QUERY = 200;

    /**
     * The form from the query's parameters (their German names), as Spring's binding read them: an empty value
     * counts as not given; a page that is no whole number, or "geoeffnet" that is neither yes nor no, is the
     * client's error (400 with the error page).
     */
    static SearchForm from(Map<String, String[]> parameters) {
        String[] attributes = parameters.get("merkmal");
        Boolean openNow = converted(first(parameters, "geoeffnet"), Boolean.class, "geoeffnet");
        Integer page = converted(first(parameters, "seite"), Integer.class, "seite");
        return new SearchForm(first(parameters, "q"), first(parameters, "kategorie"), first(parameters, "stadtteil"),
                attributes == null ? null : List.of(attributes), openNow, first(parameters, "sortierung"), page);
    }

    /** A too long query is cut, unknown sorts mean relevance, pages start at 0; the page's language reads the words. */
    Search toSearch(Locale locale) {
        String query = q == null ? "" : (q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
        return new Search(query, category, district, attributes == null ? List.of() : attributes,
                Boolean.TRUE.equals(openNow), "name".equals(sort) ? "name" : "relevanz",
                page == null ? 0 : Math.max(page, 0), "en".equals(locale.getLanguage()) ? "en" : "de");
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** Converted as Spring's binding converted them (empty is null, "on" is yes); what does not convert is a 400. */
    private static <T> T converted(String value, Class<T> type, String name) {
        try {
            return DefaultConversionService.getSharedInstance().convert(value, type);
        } catch (ConversionException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is no " + type.getSimpleName());
        }
    }
}
