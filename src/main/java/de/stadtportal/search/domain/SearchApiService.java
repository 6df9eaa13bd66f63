package de.stadtportal.search.domain;

import java.util.List;

import de.stadtportal.search.SearchApi;
import de.stadtportal.search.SearchableDocument;
import org.springframework.stereotype.Service;

/** {@link SearchApi}: delegates to the index. */
@Service
class SearchApiService implements SearchApi {

    private final SearchIndex index;

    SearchApiService(SearchIndex index) {
        this.index = index;
    }

    @Override
    public int refresh() {
        return index.refresh();
    }

    @Override
    public List<SearchableDocument> documents() {
        return index.documents();
    }
}
