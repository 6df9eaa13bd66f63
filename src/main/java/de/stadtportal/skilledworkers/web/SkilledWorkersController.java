package de.stadtportal.skilledworkers.web;

import de.stadtportal.events.EventsApi;
import de.stadtportal.news.NewsApi;
import de.stadtportal.news.NewsTopic;
import de.stadtportal.skilledworkers.domain.NetworkMembership;
import de.stadtportal.skilledworkers.domain.OrientationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /fachkraefte: orientation for employers who want to train or employ refugees, the offices, the support point. */
@Controller
class SkilledWorkersController {

    private final OrientationService orientation;
    private final EventsApi events;
    private final NetworkMembership network;
    private final NewsApi news;

    SkilledWorkersController(OrientationService orientation, EventsApi events, NetworkMembership network, NewsApi news) {
        this.orientation = orientation;
        this.events = events;
        this.network = network;
        this.news = news;
    }

    @GetMapping("/fachkraefte")
    String overview(Model model) {
        model.addAttribute("topics", orientation.topics());
        model.addAttribute("contactPoints", orientation.contactPoints());
        model.addAttribute("events", events.next("fachkraefte", 5));
        model.addAttribute("members", network.members());
        model.addAttribute("latestNews", news.latestForTopic(NewsTopic.FACHKRAEFTE, 3));
        return "skilledworkers/overview";
    }
}
