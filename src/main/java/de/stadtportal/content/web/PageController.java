package de.stadtportal.content.web;

import de.stadtportal.content.domain.LegalPage;
import de.stadtportal.content.domain.LegalTextService;
import de.stadtportal.content.domain.StartPageService;
import de.stadtportal.events.EventsApi;
import de.stadtportal.news.NewsApi;
import de.stadtportal.platform.MapProperties;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.reallabor.ReallaborApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page and the legal pages every public body's website must have. */
@Controller
class PageController {

    private final ReallaborApi reallabore;
    private final PortalProperties properties;
    private final EventsApi events;
    private final MapProperties map;
    private final NewsApi news;
    private final StartPageService startPage;
    private final LegalTextService legal;

    PageController(ReallaborApi reallabore, PortalProperties properties, EventsApi events, MapProperties map, NewsApi news,
                   StartPageService startPage, LegalTextService legal) {
        this.reallabore = reallabore;
        this.properties = properties;
        this.events = events;
        this.map = map;
        this.news = news;
        this.startPage = startPage;
        this.legal = legal;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("reallabore", reallabore.overview());
        model.addAttribute("nextEvents", events.next(null, 3));
        model.addAttribute("latestNews", news.latest(3));
        model.addAttribute("startPage", startPage.current());
        return "content/home";
    }

    @GetMapping("/impressum")
    String imprint(Model model) {
        model.addAttribute("legal", legal.content(LegalPage.IMPRESSUM));
        return "content/impressum";
    }

    /** The notice names the map tile server actually configured. */
    @GetMapping("/datenschutz")
    String privacy(Model model) {
        model.addAttribute("mapTileOrigin", map.tileOrigin());
        model.addAttribute("legal", legal.content(LegalPage.DATENSCHUTZ));
        return "content/datenschutz";
    }

    @GetMapping("/barrierefreiheit")
    String accessibility(Model model) {
        model.addAttribute("accessibility", properties.accessibility());
        model.addAttribute("legal", legal.content(LegalPage.BARRIEREFREIHEIT));
        return "content/barrierefreiheit";
    }

    @GetMapping("/leichte-sprache")
    String easyLanguage(Model model) {
        model.addAttribute("accessibility", properties.accessibility());
        return "content/leichte-sprache";
    }
}
