package de.stadtportal.directory.web;

import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.platform.CurrentUser;
import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.domain.TopicProperties;
import de.stadtportal.events.EventsApi;
import de.stadtportal.directory.domain.TopicTextService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The seed's most visited topics, each a short page over live directory data: who accepts the
 * city voucher, who stands at the weekly market, where the free Wi-Fi hotspots are. Staff write
 * the text above the list ({@link AdminTopicController}).
 */
@Controller
class TopicController {

    /** How many next market dates the market page names; the rest are one link away. */
    static final int MARKET_DATES = 6;

    private final DirectoryApi directory;
    private final TopicTextService texts;
    private final TopicProperties facts;
    private final EventsApi events;

    TopicController(DirectoryApi directory, TopicTextService texts, TopicProperties facts, EventsApi events) {
        this.directory = directory;
        this.texts = texts;
        this.facts = facts;
        this.events = events;
    }

    @GetMapping("/gutschein")
    String voucher(Model model, Locale locale) {
        model.addAttribute("soldAt", facts.voucherSoldAt());
        model.addAttribute("voucherUrl", facts.voucherUrl().isBlank() ? null : facts.voucherUrl());
        return topic("gutschein", model, locale);
    }

    @GetMapping("/wochenmarkt")
    String market(Model model, Locale locale) {
        model.addAttribute("markets", facts.markets().stream().map(m -> new MarketView(m.name(), m.place(),
                m.days().stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).collect(Collectors.joining(", ")),
                m.opens(), m.closes())).toList());
        // the market's dates (special markets, changed days before holidays) come from the events
        model.addAttribute("marketDates", events.next("wochenmarkt", MARKET_DATES));
        return topic("wochenmarkt", model, locale);
    }

    @GetMapping("/wlan")
    String wifi(Model model, Locale locale) {
        return topic("wlan", model, locale);
    }

    /** A market as the page names it: the days in the reader's language. */
    record MarketView(String name, String place, String days, LocalTime opens, LocalTime closes) {
    }

    private String topic(String attribute, Model model, Locale locale) {
        model.addAttribute("topic", attribute);
        // staff see how the city's facts of the page (market days, sale points) are set: configuration, not a form
        CurrentUser user = CurrentUser.get();
        model.addAttribute("staffView", user != null && user.isStaff());
        texts.paragraphs(attribute, locale).ifPresent(paragraphs -> model.addAttribute("paragraphs", paragraphs));
        model.addAttribute("businesses", directory.withAttribute(attribute));
        // the same businesses on the map: their coordinates by slug (the list stays the page's content)
        Map<String, MapBusiness> placed = new HashMap<>();
        directory.mapped(new Search("", null, null, List.of(attribute), false, "name", 0), MapController.LIMIT)
                .forEach(b -> placed.put(b.slug(), b));
        model.addAttribute("placed", placed);
        return "directory/topic";
    }
}
