package de.stadtportal.account.web;

import java.security.Principal;
import java.time.Duration;

import de.stadtportal.account.AccountException;
import de.stadtportal.account.domain.AccountService;
import de.stadtportal.account.domain.AccountToken.Purpose;
import de.stadtportal.account.web.AccountForms.ChangeEmailForm;
import de.stadtportal.account.web.AccountForms.ChangePasswordForm;
import de.stadtportal.account.web.AccountForms.DeleteForm;
import de.stadtportal.account.web.AccountForms.EmailForm;
import de.stadtportal.account.web.AccountForms.NewPasswordForm;
import de.stadtportal.account.web.AccountForms.SignUpForm;
import de.stadtportal.platform.RateLimiter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up, confirmation links, password reset and the "my account" pages. Over 300 lines: one short handler
 * pair (GET form, POST) per account page, each turning AccountService's typed exceptions into field errors.
 */
@Controller
class AccountController {

    private final AccountService accounts;
    /** Sign-ups and reset requests one client address may send per hour, each may mail someone (portal.account.mail-forms-per-hour). */
    private final RateLimiter mailForms;

    AccountController(AccountService accounts, @Value("${portal.account.mail-forms-per-hour:10}") int mailFormsPerHour) {
        this.accounts = accounts;
        this.mailForms = new RateLimiter(mailFormsPerHour, Duration.ofHours(1));
    }

    /** Addresses are often pasted with a space around them; passwords are taken exactly as typed. */
    @InitBinder
    void trimAddresses(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, "email", new StringTrimmerEditor(false));
        binder.registerCustomEditor(String.class, "newEmail", new StringTrimmerEditor(false));
    }

    @GetMapping("/konto/anmelden")
    String login() {
        return "account/login";
    }

    // ---- sign-up and confirmation ----

    @GetMapping("/konto/registrieren")
    String signUpForm(Model model) {
        model.addAttribute("form", new SignUpForm("", "", ""));
        return "account/sign-up";
    }

    @PostMapping("/konto/registrieren")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        if (!mailForms.tryAcquire(request.getRemoteAddr())) {
            return throttled("account/sign-up", model, response);
        }
        checkRepeat(form.password(), form.passwordRepeat(), result);
        if (!result.hasErrors()) {
            try {
                accounts.signUp(form.email(), form.password());
                return "redirect:/konto/registriert";
            } catch (AccountException e) {
                reject(result, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "account/sign-up";
    }

    @GetMapping("/konto/registriert")
    String signedUp() {
        return "account/signed-up";
    }

    /** Mail programs open links to scan them: the GET only shows a button, the POST confirms. */
    @GetMapping("/konto/bestaetigen")
    String verifyPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (accounts.needsPassword(token)) {
            return newPasswordPage(token, Purpose.VERIFY_EMAIL, model, response);
        }
        return confirmPage(token, Purpose.VERIFY_EMAIL, "/konto/bestaetigen", "account.verify", model, response);
    }

    /** The plain confirmation, or (short sign-up of /mitmachen) the confirmation together with the new password. */
    @PostMapping("/konto/bestaetigen")
    String verify(@ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        if (accounts.needsPassword(form.token())) {
            return setNewPassword(form, result, Purpose.VERIFY_EMAIL, model, redirect, response);
        }
        try {
            accounts.verify(form.token());
            redirect.addFlashAttribute("success", "account.verify.done");
            return "redirect:/konto/anmelden";
        } catch (AccountException e) {
            return linkInvalid(response);
        }
    }

    // ---- forgotten password ----

    @GetMapping("/konto/passwort-vergessen")
    String forgotForm(Model model) {
        model.addAttribute("form", new EmailForm(""));
        return "account/forgot";
    }

    @PostMapping("/konto/passwort-vergessen")
    String forgot(@Valid @ModelAttribute("form") EmailForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        if (!mailForms.tryAcquire(request.getRemoteAddr())) {
            return throttled("account/forgot", model, response);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/forgot";
        }
        accounts.requestPasswordReset(form.email());
        // the same answer whether or not the address is registered
        model.addAttribute("sent", true);
        return "account/forgot";
    }

    @GetMapping("/konto/passwort-neu")
    String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        return newPasswordPage(token, Purpose.RESET_PASSWORD, model, response);
    }

    @PostMapping("/konto/passwort-neu")
    String reset(@ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        return setNewPassword(form, result, Purpose.RESET_PASSWORD, model, redirect, response);
    }

    @GetMapping("/konto/einladung")
    String invitationForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        return newPasswordPage(token, Purpose.INVITATION, model, response);
    }

    @PostMapping("/konto/einladung")
    String acceptInvitation(@ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
                            RedirectAttributes redirect, HttpServletResponse response) {
        return setNewPassword(form, result, Purpose.INVITATION, model, redirect, response);
    }

    // ---- my account ----

    @GetMapping("/konto")
    String overview(Principal principal, Model model) {
        model.addAttribute("account", accounts.findByEmail(principal.getName()).orElseThrow());
        return "account/overview";
    }

    @GetMapping("/konto/passwort")
    String changePasswordForm(Model model) {
        model.addAttribute("form", new ChangePasswordForm("", "", ""));
        return "account/change-password";
    }

    @PostMapping("/konto/passwort")
    String changePassword(@ModelAttribute("form") ChangePasswordForm form, BindingResult result, Principal principal,
                          HttpServletRequest request, RedirectAttributes redirect, HttpServletResponse response) {
        checkRepeat(form.password(), form.passwordRepeat(), result);
        if (!result.hasErrors()) {
            try {
                accounts.changePassword(principal.getName(), form.currentPassword(), form.password(),
                        request.getSession().getId());
                redirect.addFlashAttribute("success", "account.changePassword.done");
                return "redirect:/konto";
            } catch (AccountException e) {
                reject(result, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "account/change-password";
    }

    @GetMapping("/konto/email")
    String changeEmailForm(Model model) {
        model.addAttribute("form", new ChangeEmailForm("", ""));
        return "account/change-email";
    }

    @PostMapping("/konto/email")
    String changeEmail(@Valid @ModelAttribute("form") ChangeEmailForm form, BindingResult result, Principal principal,
                       RedirectAttributes redirect, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                accounts.requestEmailChange(principal.getName(), form.currentPassword(), form.newEmail());
                redirect.addFlashAttribute("success", "account.changeEmail.sent");
                return "redirect:/konto";
            } catch (AccountException e) {
                reject(result, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "account/change-email";
    }

    @GetMapping("/konto/email-bestaetigen")
    String confirmEmailPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        return confirmPage(token, Purpose.CHANGE_EMAIL, "/konto/email-bestaetigen", "account.confirmEmail", model, response);
    }

    @PostMapping("/konto/email-bestaetigen")
    String confirmEmail(@RequestParam(required = false) String token, HttpServletRequest request,
                        RedirectAttributes redirect, HttpServletResponse response) throws ServletException {
        try {
            accounts.confirmEmailChange(token);
        } catch (AccountException e) {
            return linkInvalid(response);
        }
        // the login name changed: log in again with the new address
        request.logout();
        redirect.addFlashAttribute("success", "account.confirmEmail.done");
        return "redirect:/konto/anmelden";
    }

    @GetMapping("/konto/loeschen")
    String deleteForm(Model model) {
        model.addAttribute("form", new DeleteForm(""));
        return "account/delete";
    }

    @PostMapping("/konto/loeschen")
    String delete(@ModelAttribute("form") DeleteForm form, BindingResult result, Principal principal,
                  HttpServletRequest request, RedirectAttributes redirect, HttpServletResponse response)
            throws ServletException {
        try {
            accounts.delete(principal.getName(), form.currentPassword());
        } catch (AccountException e) {
            reject(result, e);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/delete";
        }
        request.logout();
        redirect.addFlashAttribute("success", "account.delete.done");
        return "redirect:/";
    }

    // ---- helpers ----

    private String confirmPage(String token, Purpose purpose, String action, String texts, Model model,
                               HttpServletResponse response) {
        if (!accounts.isUsable(token, purpose)) {
            return linkInvalid(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("action", action);
        model.addAttribute("texts", texts);
        return "account/confirm-link";
    }

    /** One page serves the reset link and the invitation link; texts and address differ. */
    private String newPasswordPage(String token, Purpose purpose, Model model, HttpServletResponse response) {
        if (!accounts.isUsable(token, purpose)) {
            return linkInvalid(response);
        }
        model.addAttribute("form", new NewPasswordForm(token, "", ""));
        return newPasswordView(purpose, model);
    }

    private String setNewPassword(NewPasswordForm form, BindingResult result, Purpose purpose, Model model,
                                  RedirectAttributes redirect, HttpServletResponse response) {
        if (!accounts.isUsable(form.token(), purpose)) {
            return linkInvalid(response);
        }
        if (form.password() == null || form.password().isEmpty()) {
            result.rejectValue("password", "account.password.required");
        } else if (purpose != Purpose.VERIFY_EMAIL) {
            // the confirmation page offers "show password" instead of a second field
            checkRepeat(form.password(), form.passwordRepeat(), result);
        }
        if (!result.hasErrors()) {
            try {
                accounts.setPasswordWithToken(form.token(), purpose, form.password());
                redirect.addFlashAttribute("success", texts(purpose) + ".done");
                return "redirect:/konto/anmelden";
            } catch (AccountException e) {
                reject(result, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return newPasswordView(purpose, model);
    }

    private static String newPasswordView(Purpose purpose, Model model) {
        model.addAttribute("texts", texts(purpose));
        model.addAttribute("action", switch (purpose) {
            case INVITATION -> "/konto/einladung";
            case VERIFY_EMAIL -> "/konto/bestaetigen";
            default -> "/konto/passwort-neu";
        });
        model.addAttribute("repeat", purpose != Purpose.VERIFY_EMAIL);
        return "account/new-password";
    }

    /** Prefix of the message keys of the new-password page for this kind of link. */
    private static String texts(Purpose purpose) {
        return switch (purpose) {
            case INVITATION -> "account.invitation";
            case VERIFY_EMAIL -> "account.verifyPassword";
            default -> "account.reset";
        };
    }

    /** The form again, with what was typed and a message above it. */
    private static String throttled(String view, Model model, HttpServletResponse response) {
        model.addAttribute("throttled", true);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return view;
    }

    private static String linkInvalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "account/link-invalid";
    }

    private static void checkRepeat(String password, String repeat, BindingResult result) {
        if (password == null || !password.equals(repeat)) {
            result.rejectValue("passwordRepeat", "account.password.mismatch");
        }
    }

    static void reject(BindingResult result, AccountException e) {
        if (e.field() != null) {
            result.rejectValue(e.field(), e.messageKey());
        } else {
            result.reject(e.messageKey());
        }
    }
}
