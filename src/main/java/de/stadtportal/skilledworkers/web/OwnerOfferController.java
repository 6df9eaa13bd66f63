package de.stadtportal.skilledworkers.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import de.stadtportal.account.AccountApi;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.Option;
import de.stadtportal.skilledworkers.domain.GermanLevel;
import de.stadtportal.skilledworkers.domain.OfferService;
import de.stadtportal.skilledworkers.domain.OfferService.Offer;
import de.stadtportal.skilledworkers.domain.OfferService.OfferData;
import de.stadtportal.skilledworkers.domain.Plan;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /konto/fachkraefte/angebote: a business posts, changes and renews offers for the published listings it owns. */
@Controller
class OwnerOfferController {

    static final String BASE = "/konto/fachkraefte/angebote";

    private final OfferService offers;
    private final DirectoryApi directory;
    private final AccountApi accounts;

    OwnerOfferController(OfferService offers, DirectoryApi directory, AccountApi accounts) {
        this.offers = offers;
        this.directory = directory;
        this.accounts = accounts;
    }

    /** Choices, the date and the version as text, so a wrong value comes back next to its field with the input kept. */
    record OfferForm(
            String businessSlug,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String title,
            String kind,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String trade,
            String germanLevel,
            @NotBlank(message = "{platform.validation.required}") String startsOn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 300, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String contact,
            @NotBlank(message = "{platform.validation.required}")
            @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String description,
            String version) {

        static OfferForm of(Offer o) {
            return new OfferForm(o.businessSlug(), o.title(), o.kind().name(), o.trade(), o.germanLevel().name(),
                    o.startsOn().toString(), o.contact(), o.description(), String.valueOf(o.version()));
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Principal principal, Model model) {
        long account = account(principal);
        model.addAttribute("offers", offers.ownedBy(account));
        model.addAttribute("listings", directory.publishedListingsOwnedBy(account));
        return "skilledworkers/own-offers";
    }

    @GetMapping(BASE + "/neu")
    String create(Principal principal, Model model) {
        List<Option> listings = directory.publishedListingsOwnedBy(account(principal));
        model.addAttribute("form", new OfferForm(listings.isEmpty() ? null : listings.get(0).slug(), null, null, null, null,
                null, null, null, null));
        return page(null, listings, model);
    }

    @PostMapping(BASE + "/neu")
    String create(@Valid @ModelAttribute("form") OfferForm form, BindingResult result, Principal principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        long account = account(principal);
        List<Option> listings = directory.publishedListingsOwnedBy(account);
        OfferData data = check(form, listings, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(null, listings, model);
        }
        offers.create(account, nameOf(form.businessSlug(), listings), data);
        redirect.addFlashAttribute("success", "skilledworkers.offers.submitted");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Principal principal, Model model) {
        Offer offer = owned(id, principal);
        model.addAttribute("form", OfferForm.of(offer));
        return page(offer, directory.publishedListingsOwnedBy(account(principal)), model);
    }

    @PostMapping(BASE + "/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") OfferForm form, BindingResult result,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Offer offer = owned(id, principal);
        List<Option> listings = directory.publishedListingsOwnedBy(account(principal));
        OfferData data = check(form, listings, result);
        long version = FormRules.version(form.version(), result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(offer, listings, model);
        }
        if (!offers.update(id, version, nameOf(form.businessSlug(), listings), data)) {
            model.addAttribute("form", new OfferForm(form.businessSlug(), form.title(), form.kind(), form.trade(),
                    form.germanLevel(), form.startsOn(), form.contact(), form.description(), String.valueOf(offer.version())));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(offer, listings, model);
        }
        redirect.addFlashAttribute("success", "skilledworkers.offers.submitted");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/verlaengern")
    String renew(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        owned(id, principal);
        redirect.addFlashAttribute("success", offers.renew(id) ? "skilledworkers.offers.renewed" : "skilledworkers.offers.notRenewable");
        return "redirect:" + BASE;
    }

    private OfferData check(OfferForm form, List<Option> listings, BindingResult result) {
        if (listings.stream().noneMatch(l -> l.slug().equals(form.businessSlug()))) {
            result.rejectValue("businessSlug", "skilledworkers.offers.listingUnknown");
        }
        Plan kind = FormRules.choice(Plan.class, form.kind(), result, "kind");
        GermanLevel level = FormRules.choice(GermanLevel.class, form.germanLevel(), result, "germanLevel");
        LocalDate starts = null;
        if (form.startsOn() != null && !result.hasFieldErrors("startsOn")) {
            try {
                starts = LocalDate.parse(form.startsOn());
                if (starts.getYear() < 2000 || starts.getYear() > 2100) {
                    result.rejectValue("startsOn", "skilledworkers.offers.dateInvalid");
                }
            } catch (DateTimeParseException e) {
                result.rejectValue("startsOn", "skilledworkers.offers.dateInvalid");
            }
        }
        String description = FormRules.normalise(form.description());
        if (description != null && description.length() > OfferService.MAX_DESCRIPTION && !result.hasFieldErrors("description")) {
            result.rejectValue("description", "skilledworkers.validation.textTooLong",
                    new Object[] {OfferService.MAX_DESCRIPTION, description.length()}, null);
        }
        if (result.hasErrors()) {
            return null;
        }
        return new OfferData(form.businessSlug(), form.title(), kind, form.trade(), level, starts, form.contact(), description);
    }

    private static String nameOf(String slug, List<Option> listings) {
        return listings.stream().filter(l -> l.slug().equals(slug)).findFirst().orElseThrow().name();
    }

    private String page(Offer offer, List<Option> listings, Model model) {
        model.addAttribute("offer", offer);
        model.addAttribute("listings", listings);
        model.addAttribute("kinds", Plan.values());
        model.addAttribute("levels", GermanLevel.values());
        model.addAttribute("maxDescription", OfferService.MAX_DESCRIPTION);
        return "skilledworkers/offer-form";
    }

    private long account(Principal principal) {
        return accounts.idOf(principal);
    }

    /** Someone else's offer answers like one that does not exist. */
    private Offer owned(long id, Principal principal) {
        long account = account(principal);
        return offers.find(id).filter(o -> o.ownerAccountId() != null && o.ownerAccountId() == account)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
