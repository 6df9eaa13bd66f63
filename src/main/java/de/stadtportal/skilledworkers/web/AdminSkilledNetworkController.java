package de.stadtportal.skilledworkers.web;

import de.stadtportal.skilledworkers.domain.NetworkMembership;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff take members off the network Fachkräftesicherung (businesses join in {@link NetworkController}). */
@Controller
class AdminSkilledNetworkController {

    static final String ADMIN = "/admin/fachkraefte/netzwerk";

    private final NetworkMembership network;

    AdminSkilledNetworkController(NetworkMembership network) {
        this.network = network;
    }

    @GetMapping(ADMIN)
    String members(Model model) {
        model.addAttribute("members", network.members());
        return "skilledworkers/admin/network";
    }

    @PostMapping(ADMIN + "/{slug}/entfernen")
    String remove(@PathVariable String slug, RedirectAttributes redirect) {
        if (!network.remove(slug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "skilledworkers.network.removed");
        return "redirect:" + ADMIN;
    }
}
