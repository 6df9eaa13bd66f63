package de.stadtportal.directory.web;

import de.stadtportal.account.AccountException;
import de.stadtportal.directory.domain.ClaimService;
import de.stadtportal.directory.domain.ClaimService.Invitation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The business follows the mailed invitation link and either creates its account right there or
 * logs in with the one it has ({@link OwnerClaimController}); staff send it from {@link AdminClaimController}.
 */
@Controller
class ClaimController {

    private final ClaimService claims;

    ClaimController(ClaimService claims) {
        this.claims = claims;
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
            error = "account.password.mismatch";
        } else {
            try {
                if (!claims.claimWithNewAccount(token, password)) {
                    model.addAttribute("hasAccount", true);
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return show(token, model, response);
                }
                redirect.addFlashAttribute("success", "directory.claim.accountCreated");
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

    private String show(String token, Model model, HttpServletResponse response) {
        return show(claims, token, model, response);
    }

    /** The invitation page, or its 404 form for an unknown, used or expired token. */
    static String show(ClaimService claims, String token, Model model, HttpServletResponse response) {
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
