package de.stadtportal.account.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.stadtportal.account.AccountException;
import de.stadtportal.account.domain.AccountService;
import de.stadtportal.account.domain.SecondFactorService;
import de.stadtportal.account.domain.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts: invite, change roles, deactivate. Only for ADMIN (see the security configuration). */
@Controller
class AdminAccountController {

    private final AccountService accounts;
    private final SecondFactorService secondFactors;

    AdminAccountController(AccountService accounts, SecondFactorService secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    record InviteForm(
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email,
            @NotNull(message = "{platform.validation.required}") Role role) {
    }

    @InitBinder
    void trimAddress(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, "email", new StringTrimmerEditor(false));
    }

    @GetMapping("/admin/konten")
    String list(Model model) {
        model.addAttribute("form", new InviteForm("", Role.EDITOR));
        return show(model);
    }

    @PostMapping("/admin/konten/einladen")
    String invite(@Valid @ModelAttribute("form") InviteForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                accounts.invite(form.email(), form.role());
                redirect.addFlashAttribute("success", "admin.staff.invited");
                return "redirect:/admin/konten";
            } catch (AccountException e) {
                AccountController.reject(result, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model);
    }

    @PostMapping("/admin/konten/{id}/rollen")
    String changeRoles(@PathVariable long id, @RequestParam(name = "roles", required = false) List<Role> roles,
                       Principal principal, RedirectAttributes redirect) {
        requireExists(id);
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return apply(redirect, "admin.staff.rolesChanged", () -> accounts.changeRoles(id, chosen, principal.getName()));
    }

    @PostMapping("/admin/konten/{id}/deaktivieren")
    String deactivate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        requireExists(id);
        return apply(redirect, "admin.staff.deactivated", () -> accounts.setEnabled(id, false, principal.getName()));
    }

    @PostMapping("/admin/konten/{id}/aktivieren")
    String activate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        requireExists(id);
        return apply(redirect, "admin.staff.activated", () -> accounts.setEnabled(id, true, principal.getName()));
    }

    /** A colleague lost mailbox or recovery codes: the next login enrols again (audited). */
    @PostMapping("/admin/konten/{id}/zweiter-faktor")
    String resetSecondFactor(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        requireExists(id);
        return apply(redirect, "admin.staff.secondFactorReset", () -> secondFactors.reset(id, principal.getName()));
    }

    private String apply(RedirectAttributes redirect, String successKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/admin/konten";
    }

    private void requireExists(long id) {
        if (accounts.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String show(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("roles", List.of(Role.EDITOR, Role.ADMIN, Role.SUPPORT_POINT));
        return "admin/account/list";
    }
}
