package de.stadtportal.directory.web;

import de.stadtportal.directory.domain.ListingService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation queue: new listings wait here until staff publish or reject them. */
@Controller
class AdminBusinessController {

    static final int MAX_REASON = 500;

    private final ListingService listings;

    AdminBusinessController(ListingService listings) {
        this.listings = listings;
    }

    @GetMapping("/admin/unternehmen")
    String queue(Model model) {
        model.addAttribute("pending", listings.awaitingModeration());
        return "admin/directory/moderation";
    }

    @PostMapping("/admin/unternehmen/{id}/freigeben")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        boolean done = listings.approve(id);
        redirect.addFlashAttribute(done ? "success" : "failure", done ? "moderation.approved" : "moderation.alreadyDecided");
        return "redirect:/admin/unternehmen";
    }

    @PostMapping("/admin/unternehmen/{id}/ablehnen")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        requireExists(id);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            redirect.addFlashAttribute("failure", "moderation.reasonMissing");
            redirect.addFlashAttribute("rejectedId", id);
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/admin/unternehmen";
        }
        boolean done = listings.reject(id, reason);
        redirect.addFlashAttribute(done ? "success" : "failure", done ? "moderation.rejected" : "moderation.alreadyDecided");
        return "redirect:/admin/unternehmen";
    }

    private void requireExists(long id) {
        if (listings.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
