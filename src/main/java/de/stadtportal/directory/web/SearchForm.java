package de.stadtportal.directory.web;

import java.util.List;
import java.util.Locale;

import de.stadtportal.directory.DirectoryApi.Search;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The directory search as the URL gives it, for the list (/unternehmen) and the map
 * (/unternehmen/karte) alike: bookmarkable, works without JavaScript.
 */
record SearchForm(String q,
                  @BindParam("kategorie") String category,
                  @BindParam("stadtteil") String district,
                  @BindParam("merkmal") List<String> attributes,
                  @BindParam("geoeffnet") Boolean openNow,
                  @BindParam("sortierung") String sort,
                  @BindParam("seite") Integer page) {

    static final int MAX_QUERY = 200;

    /** A too long query is cut, unknown sorts mean relevance, pages start at 0; the page's language reads the words. */
    Search toSearch(Locale locale) {
        String query = q == null ? "" : (q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
        return new Search(query, category, district, attributes == null ? List.of() : attributes,
                Boolean.TRUE.equals(openNow), "name".equals(sort) ? "name" : "relevanz",
                page == null ? 0 : Math.max(page, 0), "en".equals(locale.getLanguage()) ? "en" : "de");
    }
}
