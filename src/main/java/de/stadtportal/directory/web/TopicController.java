package de.stadtportal.directory.web;

import de.stadtportal.directory.DirectoryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The seed's most visited topics, each a short page over live directory data: who accepts the
 * city voucher, who stands at the weekly market, where the free Wi-Fi hotspots are.
 */
@Controller
class TopicController {

    private final DirectoryApi directory;

    TopicController(DirectoryApi directory) {
        this.directory = directory;
    }

    @GetMapping("/gutschein")
    String voucher(Model model) {
        return topic("gutschein", model);
    }

    @GetMapping("/wochenmarkt")
    String market(Model model) {
        return topic("wochenmarkt", model);
    }

    @GetMapping("/wlan")
    String wifi(Model model) {
        return topic("wlan", model);
    }

    private String topic(String attribute, Model model) {
        model.addAttribute("topic", attribute);
        model.addAttribute("businesses", directory.withAttribute(attribute));
        return "directory/topic";
    }
}
