package de.stadtportal.news.domain;

import java.util.List;

import de.stadtportal.news.NewsApi;
import de.stadtportal.news.NewsTeaser;
import de.stadtportal.news.NewsTopic;
import org.springframework.stereotype.Component;

/** {@link NewsApi}: delegates to what visitors see ({@link NewsCatalog}). */
@Component
class NewsApiService implements NewsApi {

    private final NewsCatalog catalog;

    NewsApiService(NewsCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<NewsTeaser> latest(int n) {
        return catalog.latest(null, n);
    }

    @Override
    public List<NewsTeaser> latestForTopic(NewsTopic topic, int n) {
        return catalog.latest(topic, n);
    }
}
