package de.stadtportal.news;

import java.util.List;

import de.stadtportal.news.domain.NewsCatalog;
import org.springframework.stereotype.Component;

/** What other parts of the portal use of the news: the newest published items, for the start page and the section pages. */
@Component
public class NewsApi {

    private final NewsCatalog catalog;

    NewsApi(NewsCatalog catalog) {
        this.catalog = catalog;
    }

    /** The {@code n} newest published news items, newest first. */
    public List<NewsTeaser> latest(int n) {
        return catalog.latest(null, n);
    }

    /** The {@code n} newest published news items of one topic, newest first. */
    public List<NewsTeaser> latestForTopic(NewsTopic topic, int n) {
        return catalog.latest(topic, n);
    }
}
