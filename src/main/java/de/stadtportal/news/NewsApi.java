package de.stadtportal.news;

import java.util.List;

/**
 * What other parts of the portal use of the news: the newest published items, for the start page and the section
 * pages. An interface, implemented in domain/ (NewsApiService), so this package depends on nothing inside the module.
 */
public interface NewsApi {

    /** The {@code n} newest published news items, newest first. */
    List<NewsTeaser> latest(int n);

    /** The {@code n} newest published news items of one topic, newest first. */
    List<NewsTeaser> latestForTopic(NewsTopic topic, int n);
}
