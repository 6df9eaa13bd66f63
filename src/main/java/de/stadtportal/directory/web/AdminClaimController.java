package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.directory.domain.ClaimService;
import de.stadtportal.directory.domain.Listings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff invite a business by e-mail to take over its listing (the business's side: {@link ClaimController}). */
@Controller
class AdminClaimController {

    static final int MAX_EMAIL = 320;

    private final ClaimService claims;
    private final Listings listings;

    AdminClaimController(ClaimService claims, Listings listings) {
        this.claims = claims;
        this.listings = listings;
    }

    @PostMapping("/admin/unternehmen/{id}/einladen")
    String invite(@PathVariable long id, @RequestParam(required = false) String email, Principal principal,
                  RedirectAttributes redirect) {
        if (listings.status(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL
                || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            redirect.addFlashAttribute("failure", "directory.claim.emailInvalid");
            return "redirect:/admin/unternehmen/" + id;
        }
        claims.invite(id, email, principal.getName());
        redirect.addFlashAttribute("success", "directory.claim.sent");
        return "redirect:/admin/unternehmen/" + id;
    }
}
