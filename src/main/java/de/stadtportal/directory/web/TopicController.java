package de.stadtportal.directory.web;

import java.security.Principal;
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
import de.stadtportal.directory.domain.TopicTextService.TopicText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seed's most visited topics, each a short page over live directory data: who accepts the
 * city voucher, who stands at the weekly market, where the free Wi-Fi hotspots are. Staff write
 * the text above the list.
 */
@Controller
class TopicController {

    /** How many next market dates the market page names; the rest are one link away. */
    static final int MARKET_DATES = 6;

    private final DirectoryApi directory;
    private final TopicTextService texts;
    private final MessageSource messages;
    private final TopicProperties facts;
    private final EventsApi events;

    TopicController(DirectoryApi directory, TopicTextService texts, MessageSource messages, TopicProperties facts, EventsApi events) {
        this.directory = directory;
        this.texts = texts;
        this.messages = messages;
        this.facts = facts;
        this.events = events;
    }

    record TopicForm(@NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}") String german,
                     @NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}") String english) {
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

    @GetMapping("/admin/unternehmen/themen")
    String topics(Model model) {
        model.addAttribute("topics", TopicTextService.TOPICS);
        return "admin/directory/topics";
    }

    @GetMapping("/admin/unternehmen/themen/{topic}")
    String edit(@PathVariable String topic, Model model) {
        known(topic);
        // until staff write their own, the editor shows the built-in text the page shows now
        TopicText text = texts.find(topic).orElseGet(() -> new TopicText(builtIn(topic, Locale.GERMAN), builtIn(topic, Locale.ENGLISH)));
        model.addAttribute("form", new TopicForm(text.german(), text.english()));
        model.addAttribute("topic", topic);
        return "admin/directory/topic-edit";
    }

    @PostMapping("/admin/unternehmen/themen/{topic}")
    String save(@PathVariable String topic, @Valid @ModelAttribute("form") TopicForm form, BindingResult result,
                Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        known(topic);
        if (result.hasErrors()) {
            model.addAttribute("topic", topic);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/directory/topic-edit";
        }
        texts.save(topic, new TopicText(form.german(), form.english()), principal.getName());
        redirect.addFlashAttribute("success", "topics.saved");
        return "redirect:/admin/unternehmen/themen";
    }

    @PostMapping("/admin/unternehmen/themen/{topic}/zuruecksetzen")
    String reset(@PathVariable String topic, RedirectAttributes redirect) {
        known(topic);
        texts.reset(topic);
        redirect.addFlashAttribute("success", "topics.reset");
        return "redirect:/admin/unternehmen/themen";
    }

    /** The page's built-in intro and text, as two paragraphs. */
    private String builtIn(String topic, Locale locale) {
        return messages.getMessage("topic." + topic + ".intro", null, locale) + "\n\n"
                + messages.getMessage("topic." + topic + ".text", null, locale);
    }

    private static void known(String topic) {
        if (!TopicTextService.TOPICS.contains(topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
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
