package de.stadtportal.search;

import java.util.List;

import de.stadtportal.search.domain.SearchIndex;
import org.springframework.stereotype.Service;

/** What other modules may ask of the search: bring it up to date now (e.g. after a bulk import) and the indexed pages. */
@Service
public class SearchApi {

    private final SearchIndex index;

    SearchApi(SearchIndex index) {
        this.index = index;
    }

    /** Re-reads every source whose documents changed; returns how many kinds were replaced. */
    public int refresh() {
        return index.refresh();
    }

    /** Every indexed German document (one per public page or record), for the sitemap and alike. */
    public List<SearchableDocument> documents() {
        return index.documents();
    }
}
