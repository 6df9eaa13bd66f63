package de.stadtportal.directory.web;

import java.time.Duration;

import de.stadtportal.account.AccountException;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.ListingRegistration;
import de.stadtportal.directory.domain.ListingRegistration.Registration;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Eintragen": one short form creates the account and the listing. The seed reports that few
 * businesses registered on their own, so this asks only what a listing needs to be found.
 */
@Controller
class JoinController {

    private final Listings listings;
    private final ListingRegistration registration;
    private final DirectoryApi directory;

    /** Sign-ups one client address may send per hour (portal.directory.joins-per-hour). */
    private final RateLimiter joins;

    JoinController(Listings listings, ListingRegistration registration, DirectoryApi directory,
                   @Value("${portal.directory.joins-per-hour:10}") int joinsPerHour) {
        this.joins = new RateLimiter(joinsPerHour, Duration.ofHours(1));
        this.listings = listings;
        this.registration = registration;
        this.directory = directory;
    }

    record JoinForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String name,
            @NotBlank(message = "{directory.join.categoryMissing}") String category,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String street,
            @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "\\d{5}", message = "{directory.join.postalCode}") String postalCode,
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email) {
    }

    @InitBinder
    void trim(WebDataBinder binder) {
        for (String field : new String[] {"name", "street", "postalCode", "email"}) {
            binder.registerCustomEditor(String.class, field, new StringTrimmerEditor(false));
        }
    }

    @GetMapping("/mitmachen")
    String form(Model model) {
        model.addAttribute("form", new JoinForm("", "", "", "", ""));
        return show(model);
    }

    @PostMapping("/mitmachen")
    String join(@Valid @ModelAttribute("form") JoinForm form, BindingResult result, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        if (!joins.tryAcquire(request.getRemoteAddr())) {
            // the form again with what was typed; each sign-up may mail someone
            model.addAttribute("throttled", true);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return show(model);
        }
        if (form.category() != null && !form.category().isBlank() && !listings.categoryExists(form.category())) {
            result.rejectValue("category", "directory.join.categoryMissing");
        }
        ListingForm.checkPostalCode(form.postalCode(), listings, result);
        if (!result.hasErrors()) {
            try {
                // five fields: the password is set on the page the confirmation mail links to
                registration.register(new Registration(form.name(), form.category(), form.street(), form.postalCode(),
                        form.email(), null));
                return "redirect:/mitmachen/danke";
            } catch (AccountException e) {
                result.rejectValue(e.field() == null ? "email" : e.field(), e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model);
    }

    @GetMapping("/mitmachen/danke")
    String thanks() {
        return "directory/joined";
    }

    private String show(Model model) {
        model.addAttribute("categories", directory.categories());
        return "directory/join";
    }
}
