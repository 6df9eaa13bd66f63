package de.stadtportal.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the second factor. The forms post to Spring Security's own endpoints
 * ({@code /konto/zweiter-faktor/senden} makes and mails a code, {@code /konto/zweiter-faktor/pruefen}
 * checks it); a wrong or expired code comes back here with {@code ?fehler}.
 */
@Controller
class SecondFactorController {

    @GetMapping("/konto/zweiter-faktor")
    String start() {
        return "account/second-factor";
    }

    /** The link in the mail fills the code in; the code is only used when the form is sent (mail scanners open links). */
    @GetMapping("/konto/zweiter-faktor/code")
    String code(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token.strip());
        return "account/second-factor-code";
    }
}
