package de.stadtportal.reallabor.web;

import de.stadtportal.reallabor.ReallaborApi;
import de.stadtportal.reallabor.domain.ReallaborOverviewPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ReallaborController {

    private final ReallaborApi reallabore;
    private final ReallaborOverviewPage overviewPage;

    ReallaborController(ReallaborApi reallabore, ReallaborOverviewPage overviewPage) {
        this.reallabore = reallabore;
        this.overviewPage = overviewPage;
    }

    @GetMapping("/reallabore")
    String overview(Model model) {
        model.addAttribute("reallabore", reallabore.overview());
        model.addAttribute("page", overviewPage.current());
        return "reallabor/overview";
    }

    @GetMapping("/reallabore/{slug}")
    String detail(@PathVariable String slug, Model model) {
        model.addAttribute("reallabor", reallabore.find(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "reallabor/detail";
    }
}
