package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.CityBounds;
import de.stadtportal.directory.domain.ListingLocator;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.ListingEdits;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.directory.domain.ListingEdits.SaveResult;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

/** Owners keep their listing current. Someone else's listing is "not found", never "forbidden": ids reveal nothing. */
@Controller
class OwnerListingController {

    private final Listings listings;
    private final ListingEdits edits;
    private final DirectoryApi directory;
    private final ListingLocator locator;
    private final CityBounds bounds;

    OwnerListingController(Listings listings, ListingEdits edits, DirectoryApi directory, ListingLocator locator,
                           CityBounds bounds) {
        this.listings = listings;
        this.edits = edits;
        this.directory = directory;
        this.locator = locator;
        this.bounds = bounds;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        ListingForm.trim(binder);
    }

    @GetMapping("/konto/eintraege")
    String own(Principal principal, Model model) {
        model.addAttribute("listings", listings.ownedBy(principal.getName()));
        return "directory/own";
    }

    @GetMapping("/konto/eintraege/{id}")
    String form(@PathVariable long id, Principal principal, Model model) {
        ListingEdit edit = owned(id, principal);
        model.addAttribute("form", ListingForm.of(edit));
        return show(id, model);
    }

    @PostMapping("/konto/eintraege/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") ListingForm form, BindingResult result,
                Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListingEdit current = owned(id, principal);
        form.checkReferences(listings, result);
        form.checkCoordinates(bounds, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, model);
        }
        SaveResult saved = edits.updateByOwner(id, locator.locate(form.toEdit()), principal.getName());
        if (saved == SaveResult.CONFLICT) {
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(id, model);
        }
        redirect.addFlashAttribute("success", switch (saved) {
            case RESUBMITTED -> "directory.edit.resubmitted";
            case AWAITING_APPROVAL -> "directory.edit.awaitingApproval";
            default -> "directory.edit.saved";
        });
        return "redirect:/konto/eintraege";
    }

    @PostMapping("/konto/eintraege/{id}/bestaetigen")
    String confirm(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        owned(id, principal);
        edits.confirmCurrent(id);
        redirect.addFlashAttribute("success", "directory.own.confirmed");
        return "redirect:/konto/eintraege";
    }

    private ListingEdit owned(long id, Principal principal) {
        return listings.editableBy(id, principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("action", "/konto/eintraege/" + id);
        model.addAttribute("back", "/konto/eintraege");
        model.addAttribute("listing", listings.find(id).orElseThrow());
        model.addAttribute("categories", directory.categories());
        model.addAttribute("districts", directory.districts());
        model.addAttribute("bounds", bounds);
        return "directory/edit";
    }
}
