package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.account.AccountApi;
import de.stadtportal.account.AccountException;
import de.stadtportal.directory.domain.ClaimService;
import de.stadtportal.directory.domain.ClaimService.Invitation;
import de.stadtportal.directory.domain.Listings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff invite a business to take over its listing; the business follows the mailed link and
 * either creates its account right there or logs in with the one it has.
 */
@Controller
class ClaimController {

    static final int MAX_EMAIL = 320;

    private final ClaimService claims;
    private final Listings listings;
    private final AccountApi accounts;

    ClaimController(ClaimService claims, Listings listings, AccountApi accounts) {
        this.claims = claims;
        this.listings = listings;
        this.accounts = accounts;
    }

    @PostMapping("/admin/unternehmen/{id}/einladen")
    String invite(@PathVariable long id, @RequestParam(required = false) String email, Principal principal,
                  RedirectAttributes redirect) {
        if (listings.status(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL
                || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            redirect.addFlashAttribute("failure", "claim.emailInvalid");
            return "redirect:/admin/unternehmen/" + id;
        }
        claims.invite(id, email, principal.getName());
        redirect.addFlashAttribute("success", "claim.sent");
        return "redirect:/admin/unternehmen/" + id;
    }

    @GetMapping("/mitmachen/uebernehmen")
    String landing(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        return show(token, model, response);
    }

    /** A new account for the invited address; the mailed link proves the address. */
    @PostMapping("/mitmachen/uebernehmen")
    String createAccount(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
                         @RequestParam(required = false) String passwordRepeat, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        if (claims.find(token).isEmpty()) {
            return show(token, model, response);
        }
        String error = null;
        if (password == null || !password.equals(passwordRepeat)) {
            error = "password.mismatch";
        } else {
            try {
                if (!claims.claimWithNewAccount(token, password)) {
                    model.addAttribute("hasAccount", true);
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return show(token, model, response);
                }
                redirect.addFlashAttribute("success", "claim.accountCreated");
                return "redirect:/konto/anmelden";
            } catch (AccountException e) {
                error = e.messageKey();
            }
        }
        model.addAttribute("passwordError", error);
        String view = show(token, model, response);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return view;
    }

    /** Logged in (the login page brings the user back here): confirm to take over. */
    @GetMapping("/konto/uebernehmen")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        model.addAttribute("loggedIn", true);
        return show(token, model, response);
    }

    @PostMapping("/konto/uebernehmen")
    String claim(@RequestParam(required = false) String token, Principal principal, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        long account = accounts.idOf(principal.getName()).orElseThrow();
        if (claims.claim(token, account).isEmpty()) {
            return show(token, model, response);
        }
        redirect.addFlashAttribute("success", "claim.done");
        return "redirect:/konto/eintraege";
    }

    private String show(String token, Model model, HttpServletResponse response) {
        Invitation invitation = claims.find(token).orElse(null);
        if (invitation == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("invalid", true);
            return "directory/claim";
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        return "directory/claim";
    }
}
