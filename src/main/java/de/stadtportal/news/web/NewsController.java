package de.stadtportal.news.web;

import de.stadtportal.news.NewsTopic;
import de.stadtportal.news.domain.NewsCatalog;
import de.stadtportal.news.domain.NewsItem;
import de.stadtportal.platform.images.ImageResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/** Visitors: /aktuelles (paged, filtered by topic), one item, and the Atom feed. Only items whose publish time has passed. */
@Controller
class NewsController {

    static final int FEED_SIZE = 20;

    private final NewsCatalog catalog;
    private final NewsFeed feed;

    NewsController(NewsCatalog catalog, NewsFeed feed) {
        this.catalog = catalog;
        this.feed = feed;
    }

    @GetMapping("/aktuelles")
    String list(@RequestParam(name = "thema", required = false) String topicKey,
                @RequestParam(name = "seite", defaultValue = "0") int page, Model model) {
        NewsTopic topic = topicKey == null || topicKey.isEmpty() ? null
                : NewsTopic.ofKey(topicKey).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (page < 0 || page > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        NewsCatalog.Page result = catalog.page(topic, page);
        if (page > 0 && page >= result.pages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("result", result);
        model.addAttribute("topic", topic);
        model.addAttribute("topics", NewsTopic.values());
        return "news/list";
    }

    @GetMapping("/aktuelles/{slug}")
    String detail(@PathVariable String slug, Model model) {
        NewsItem item = catalog.published(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("item", item);
        model.addAttribute("preview", false);
        return "news/detail";
    }

    /** An item's image. An image never changes (a new upload gets a new id): cached for a year, the id its ETag. */
    @GetMapping("/aktuelles/{slug}/bilder/{id:\\d{1,18}}.{extension:jpg|png}")
    ResponseEntity<byte[]> image(@PathVariable String slug, @PathVariable long id, @PathVariable String extension,
                                 WebRequest request) {
        NewsCatalog.ImageData image = catalog.publishedImage(slug, id).filter(i -> i.extension().equals(extension))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ImageResponses.immutable("\"bild-" + id + "\"", image.contentType(), image.data(), request);
    }

    @GetMapping(value = "/aktuelles.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed.render(catalog.feed(FEED_SIZE)));
    }
}
