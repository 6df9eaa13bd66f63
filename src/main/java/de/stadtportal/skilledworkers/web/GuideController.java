package de.stadtportal.skilledworkers.web;

import de.stadtportal.skilledworkers.domain.GuideService;
import de.stadtportal.skilledworkers.domain.OrientationService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** /fachkraefte/orientierung/{de|einfach|en|ar|uk}: where refugees ask about work and training in Bottrop. */
@Controller
class GuideController {

    private final GuideService guides;
    private final OrientationService orientation;

    GuideController(GuideService guides, OrientationService orientation) {
        this.guides = guides;
        this.orientation = orientation;
    }

    @GetMapping("/fachkraefte/orientierung/{language}")
    String guide(@PathVariable String language, Model model) {
        model.addAttribute("guide", guides.find(language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("guides", guides.all());
        model.addAttribute("contactPoints", orientation.contactPoints());
        return "skilledworkers/guide";
    }
}
