package de.stadtportal.content.web;

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

    PageController(ReallaborApi reallabore, PortalProperties properties) {
        this.reallabore = reallabore;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("reallabore", reallabore.overview());
        return "content/home";
    }

    @GetMapping("/impressum")
    String imprint() {
        return "content/impressum";
    }

    @GetMapping("/datenschutz")
    String privacy() {
        return "content/datenschutz";
    }

    @GetMapping("/barrierefreiheit")
    String accessibility(Model model) {
        model.addAttribute("accessibility", properties.accessibility());
        return "content/barrierefreiheit";
    }
}
