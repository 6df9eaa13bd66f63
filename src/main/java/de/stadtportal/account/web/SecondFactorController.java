package de.stadtportal.account.web;

import java.io.IOException;
import de.stadtportal.account.domain.SecondFactorService;
import de.stadtportal.platform.StaffFactors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the staff's second factor. The code forms post to Spring Security's own endpoints
 * ({@code /konto/zweiter-faktor/senden} makes and mails a code, {@code /konto/zweiter-faktor/pruefen}
 * checks it, see {@link SecondFactor}); a recovery code and the enrolment are handled here and add
 * their authority to the login the same way.
 */
@Controller
class SecondFactorController {

    private final SecondFactorService secondFactors;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** After the factor: back to the staff page that asked for it, else the staff area. */
    private final SavedRequestAwareAuthenticationSuccessHandler continueToStaffArea = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorController(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
        continueToStaffArea.setDefaultTargetUrl("/admin");
    }

    @GetMapping(StaffFactors.SECOND_FACTOR_PAGE)
    String start(Model model) {
        Authentication login = SecondFactor.passwordLogin();
        if (login == null || !secondFactors.needsSecondFactor(login.getName())) {
            return "redirect:/konto";
        }
        model.addAttribute("enrolled", secondFactors.isEnrolled(login.getName()));
        return "account/second-factor";
    }

    /** The link in the mail fills the code in; the code is only used when the form is sent (mail scanners open links). */
    @GetMapping("/konto/zweiter-faktor/code")
    String code(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token.strip());
        return "account/second-factor-code";
    }

    /**
     * Reached only when Spring Security made no code: this login needs none (a business), or the
     * account has had its codes for this hour.
     */
    @PostMapping("/konto/zweiter-faktor/senden")
    String noCode() {
        Authentication login = SecondFactor.passwordLogin();
        return login != null && secondFactors.needsSecondFactor(login.getName())
                ? "redirect:" + StaffFactors.SECOND_FACTOR_PAGE + "?zuviele" : "redirect:/konto";
    }

    @PostMapping("/konto/zweiter-faktor/wiederherstellung")
    void recoveryCode(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Authentication login = SecondFactor.passwordLogin();
        if (login == null || !secondFactors.needsSecondFactor(login.getName())) {
            response.sendRedirect(request.getContextPath() + "/konto");
            return;
        }
        if (code == null || code.length() > 40 || !secondFactors.useRecoveryCode(login.getName(), code)) {
            response.sendRedirect(request.getContextPath() + StaffFactors.SECOND_FACTOR_PAGE + "?falscherCode");
            return;
        }
        grant(login, FactorGrantedAuthority.fromAuthority(StaffFactors.RECOVERY_CODE_AUTHORITY), request, response);
    }

    /**
     * The enrolment, right after the first mailed code of a staff login: new recovery codes, shown
     * once. Reloading the page replaces them (only the codes last shown work).
     */
    @GetMapping(StaffFactors.ENROLMENT_PAGE)
    String enrolment(Model model) {
        Authentication login = SecondFactor.passwordLogin();
        if (login == null || !secondFactors.needsSecondFactor(login.getName())) {
            return "redirect:/konto";
        }
        if (!SecondFactor.hasAuthority(login, FactorGrantedAuthority.OTT_AUTHORITY)) {
            return "redirect:" + StaffFactors.SECOND_FACTOR_PAGE;
        }
        if (secondFactors.isEnrolled(login.getName())) {
            return "redirect:/admin";
        }
        model.addAttribute("codes", secondFactors.newRecoveryCodes(login.getName()));
        return "account/second-factor-setup";
    }

    @PostMapping(StaffFactors.ENROLMENT_PAGE)
    void confirmEnrolment(@RequestParam(required = false) String saved, HttpServletRequest request,
                          HttpServletResponse response) throws IOException, ServletException {
        Authentication login = SecondFactor.passwordLogin();
        if (login == null || !secondFactors.needsSecondFactor(login.getName())) {
            response.sendRedirect(request.getContextPath() + "/konto");
            return;
        }
        if (!SecondFactor.hasAuthority(login, FactorGrantedAuthority.OTT_AUTHORITY) || saved == null) {
            // without the mailed code there is nothing to confirm; without the tick the codes were not kept
            response.sendRedirect(request.getContextPath() + StaffFactors.ENROLMENT_PAGE + (saved == null ? "?aufbewahren" : ""));
            return;
        }
        secondFactors.confirmEnrolment(login.getName());
        grant(login, new SimpleGrantedAuthority(StaffFactors.ENROLLED_AUTHORITY), request, response);
    }

    /** Adds one authority to the login, under a new session id (more rights, new id), and continues. */
    private void grant(Authentication login, GrantedAuthority authority, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Authentication more = login.toBuilder().authorities(authorities -> {
            authorities.removeIf(a -> authority.getAuthority().equals(a.getAuthority()));
            authorities.add(authority);
        }).build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(more);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        continueToStaffArea.onAuthenticationSuccess(request, response, more);
    }
}
