package de.stadtportal.handwerk.web;

import de.stadtportal.events.EventsApi;
import de.stadtportal.handwerk.domain.PortraitService;
import de.stadtportal.news.NewsApi;
import de.stadtportal.news.NewsTopic;
import de.stadtportal.sprechtag.SprechtagApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Digitale Koproduktion im Handwerk": the cooperation, its goals and dates, the next Handwerker-Frühstück,
 * the next free Sprechtag slot, "Gesichter des Handwerks". Dates and slots come through the other modules' APIs.
 */
@Controller
class HandwerkController {

    static final String CATEGORY = "handwerk";

    private final EventsApi events;
    private final SprechtagApi sprechtag;
    private final PortraitService portraits;
    private final NewsApi news;

    HandwerkController(EventsApi events, SprechtagApi sprechtag, PortraitService portraits, NewsApi news) {
        this.events = events;
        this.sprechtag = sprechtag;
        this.portraits = portraits;
        this.news = news;
    }

    @GetMapping("/handwerk")
    String show(Model model) {
        model.addAttribute("breakfast", events.next(CATEGORY, "Handwerker-Frühstück", 1).stream().findFirst().orElse(null));
        model.addAttribute("crafts", events.next(CATEGORY, 5));
        model.addAttribute("nextSlot", sprechtag.nextFreeSlot().orElse(null));
        model.addAttribute("portraits", portraits.published());
        model.addAttribute("latestNews", news.latestForTopic(NewsTopic.HANDWERK, 3));
        return "handwerk/page";
    }
}
