package de.stadtportal.search;

import java.util.List;

/**
 * What other modules may ask of the search: bring it up to date now (e.g. after a bulk import) and the indexed pages.
 * An interface, implemented in domain/ (SearchApiService), so this package depends on nothing inside the module.
 */
public interface SearchApi {

    /** Re-reads every source whose documents changed; returns how many kinds were replaced. */
    int refresh();

    /** Every indexed German document (one per public page or record), for the sitemap and alike. */
    List<SearchableDocument> documents();
}
