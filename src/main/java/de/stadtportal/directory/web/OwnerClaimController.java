package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.account.AccountApi;
import de.stadtportal.directory.domain.ClaimService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A logged-in business takes over the listing it was invited to (the login page brings it back here). */
@Controller
class OwnerClaimController {

    private final ClaimService claims;
    private final AccountApi accounts;

    OwnerClaimController(ClaimService claims, AccountApi accounts) {
        this.claims = claims;
        this.accounts = accounts;
    }

    @GetMapping("/konto/uebernehmen")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        model.addAttribute("loggedIn", true);
        return ClaimController.show(claims, token, model, response);
    }

    @PostMapping("/konto/uebernehmen")
    String claim(@RequestParam(required = false) String token, Principal principal, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        long account = accounts.idOf(principal);
        if (claims.claim(token, account).isEmpty()) {
            return ClaimController.show(claims, token, model, response);
        }
        redirect.addFlashAttribute("success", "directory.claim.done");
        return "redirect:/konto/eintraege";
    }
}
