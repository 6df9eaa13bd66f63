package de.stadtportal.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes the POST to the same address. */
@Controller
class LoginController {

    @GetMapping("/konto/anmelden")
    String login() {
        return "account/login";
    }
}
