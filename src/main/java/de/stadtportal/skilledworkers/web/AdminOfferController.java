package de.stadtportal.skilledworkers.web;

import de.stadtportal.skilledworkers.domain.OfferService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff moderate the businesses' offers before they are listed. */
@Controller
class AdminOfferController {

    static final String BASE = "/admin/fachkraefte/angebote";

    private final OfferService offers;

    AdminOfferController(OfferService offers) {
        this.offers = offers;
    }

    @GetMapping(BASE)
    String pending(Model model) {
        model.addAttribute("offers", offers.pending());
        return "skilledworkers/admin/offers";
    }

    @PostMapping(BASE + "/{id}/freigeben")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", offers.publish(id) ? "skilledworkers.offers.published" : "skilledworkers.offers.notPending");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/ablehnen")
    String reject(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success", offers.reject(id) ? "skilledworkers.offers.rejected" : "skilledworkers.offers.notPending");
        return "redirect:" + BASE;
    }
}
