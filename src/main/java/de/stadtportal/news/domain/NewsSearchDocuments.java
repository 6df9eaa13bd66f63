package de.stadtportal.news.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published news in the portal-wide search, in German and, where written, in English. A scheduled item
 * joins once its publish time has passed: the version counts the published items.
 */
@Component
@Transactional(readOnly = true)
class NewsSearchDocuments implements SearchableSource {

    static final String KIND = "news";

    private final NewsCatalog catalog;
    private final JdbcClient jdbc;

    NewsSearchDocuments(NewsCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String labelKey() {
        return "news.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        List<SearchableDocument> documents = new ArrayList<>();
        for (NewsItem item : catalog.feed(Integer.MAX_VALUE)) {
            NewsData d = item.data();
            String url = "/aktuelles/" + item.slug();
            documents.add(new SearchableDocument(KIND, item.slug(), "de", d.title(),
                    d.teaser() + "\n" + d.body(), url, item.updatedAt()));
            if (d.titleEn() != null) {
                documents.add(new SearchableDocument(KIND, item.slug(), "en", d.titleEn(),
                        (d.teaserEn() == null ? d.teaser() : d.teaserEn()) + "\n" + (d.bodyEn() == null ? d.body() : d.bodyEn()),
                        url + "?lang=en", item.updatedAt()));
            }
        }
        return documents;
    }

    /** Changes with every save and delete, and whenever a scheduled item's time comes. */
    @Override
    public long version() {
        return jdbc.sql("""
                        SELECT concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(max(id), 0),
                                         count(*) FILTER (WHERE publish_at <= :now), max(updated_at))
                        FROM news""")
                .param("now", OffsetDateTime.ofInstant(catalog.now(), ZoneOffset.UTC))
                .query(String.class).single().hashCode() & 0x7fffffffL;
    }
}
