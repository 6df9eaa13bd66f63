package de.stadtportal.directory.web;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.ListingStatus;
import de.stadtportal.directory.domain.CityBounds;
import de.stadtportal.directory.domain.ListingLocator;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.ListingModeration;
import de.stadtportal.directory.domain.ListingEdits;
import de.stadtportal.directory.domain.ListingRegistration;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.directory.domain.Listings.StaffFilter;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's staff screens: the moderation queue (publish, reject, ask for changes), all
 * listings with filters, editing, creating and archiving any listing, and the owners' changes.
 */
@Controller
class AdminBusinessController {

    static final int MAX_REASON = 500;

    private final Listings listings;
    private final ListingModeration moderation;
    private final ListingEdits edits;
    private final ListingRegistration registration;
    private final DirectoryApi directory;
    private final ListingLocator locator;
    private final CityBounds bounds;

    AdminBusinessController(Listings listings, ListingModeration moderation, ListingEdits edits, ListingRegistration registration,
                            DirectoryApi directory, ListingLocator locator, CityBounds bounds) {
        this.locator = locator;
        this.bounds = bounds;
        this.listings = listings;
        this.moderation = moderation;
        this.edits = edits;
        this.registration = registration;
        this.directory = directory;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        ListingForm.trim(binder);
    }

    @GetMapping("/admin/unternehmen")
    String queue(Model model) {
        // sign-ups whose owner has not confirmed the address yet wait apart: they may never become real
        java.util.Map<Boolean, java.util.List<Listings.Listing>> waiting = listings.awaitingModeration().stream()
                .collect(java.util.stream.Collectors.partitioningBy(Listings.Listing::emailUnconfirmed));
        model.addAttribute("pending", waiting.get(false));
        model.addAttribute("unconfirmed", waiting.get(true));
        model.addAttribute("changedCount", listings.changedByOwners().size());
        model.addAttribute("staleCount", listings.staleCount());
        return "admin/directory/moderation";
    }

    @PostMapping("/admin/unternehmen/{id}/freigeben")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        boolean done = moderation.approve(id);
        if (done) {
            // a self-registered listing has no pin yet: the geocoder (where set) puts it on the map
            locator.locateIfMissing(id);
        }
        redirect.addFlashAttribute(done ? "success" : "failure", done ? "directory.moderation.approved" : "directory.moderation.alreadyDecided");
        return "redirect:/admin/unternehmen";
    }

    /** Rejects or sends back for changes; both need a reason the business reads. */
    @PostMapping("/admin/unternehmen/{id}/ablehnen")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String decision, RedirectAttributes redirect) {
        requireExists(id);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            redirect.addFlashAttribute("failure", "directory.moderation.reasonMissing");
            redirect.addFlashAttribute("rejectedId", id);
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/admin/unternehmen";
        }
        boolean changes = "aenderungen".equals(decision);
        boolean done = changes ? moderation.requestChanges(id, reason) : moderation.reject(id, reason);
        redirect.addFlashAttribute(done ? "success" : "failure",
                !done ? "directory.moderation.alreadyDecided" : changes ? "directory.moderation.changesRequested" : "directory.moderation.rejected");
        return "redirect:/admin/unternehmen";
    }

    @GetMapping("/admin/unternehmen/alle")
    String all(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
               @RequestParam(name = "veraltet", defaultValue = "false") boolean stale,
               @RequestParam(name = "seite", defaultValue = "0") int page, Model model) {
        String query = q == null ? "" : q.length() > 160 ? q.substring(0, 160) : q;
        ListingStatus known = java.util.Arrays.stream(ListingStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        String knownStatus = known == null ? "" : known.name();
        var found = listings.all(new StaffFilter(query, known, stale), Math.max(page, 0));
        model.addAttribute("listings", found.stream().limit(Listings.STAFF_PAGE_SIZE).toList());
        model.addAttribute("hasNext", found.size() > Listings.STAFF_PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("q", query);
        model.addAttribute("status", knownStatus);
        model.addAttribute("stale", stale);
        model.addAttribute("statuses", java.util.Arrays.stream(ListingStatus.values()).map(ListingStatus::name).sorted().toList());
        return "admin/directory/list";
    }

    @GetMapping("/admin/unternehmen/neu")
    String create(Model model) {
        model.addAttribute("form", ListingForm.empty());
        return show(null, model);
    }

    @PostMapping("/admin/unternehmen/neu")
    String create(@Valid @ModelAttribute("form") ListingForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        form.checkReferences(listings, result);
        form.checkCoordinates(bounds, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(null, model);
        }
        long id = registration.createByStaff(locator.locate(form.toEdit()));
        redirect.addFlashAttribute("success", "directory.staffListing.created");
        return "redirect:/admin/unternehmen/" + id;
    }

    @GetMapping("/admin/unternehmen/{id}")
    String edit(@PathVariable long id, Model model) {
        ListingEdit edit = listings.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", ListingForm.of(edit));
        return show(id, model);
    }

    @PostMapping("/admin/unternehmen/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") ListingForm form, BindingResult result, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        ListingEdit current = listings.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        form.checkReferences(listings, result);
        form.checkCoordinates(bounds, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, model);
        }
        if (!edits.updateByStaff(id, locator.locate(form.toEdit()))) {
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(id, model);
        }
        redirect.addFlashAttribute("success", "directory.edit.saved");
        return "redirect:/admin/unternehmen/" + id;
    }

    @PostMapping("/admin/unternehmen/{id}/archivieren")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        redirect.addFlashAttribute("success", moderation.archive(id) ? "directory.staffListing.archived" : "directory.staffListing.unchanged");
        return "redirect:/admin/unternehmen/" + id;
    }

    @PostMapping("/admin/unternehmen/{id}/wiederherstellen")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        redirect.addFlashAttribute("success", moderation.restore(id) ? "directory.staffListing.restored" : "directory.staffListing.unchanged");
        return "redirect:/admin/unternehmen/" + id;
    }

    @GetMapping("/admin/unternehmen/aenderungen")
    String changes(Model model) {
        model.addAttribute("changed", listings.changedByOwners());
        return "admin/directory/changes";
    }

    @PostMapping("/admin/unternehmen/{id}/gesehen")
    String reviewed(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        edits.markReviewed(id);
        redirect.addFlashAttribute("success", "directory.changes.reviewed");
        return "redirect:/admin/unternehmen/aenderungen";
    }

    @PostMapping("/admin/unternehmen/{id}/aenderung-uebernehmen")
    String applyChange(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        redirect.addFlashAttribute("success", edits.applyPendingChange(id) ? "directory.changes.applied" : "directory.staffListing.unchanged");
        return "redirect:/admin/unternehmen/aenderungen";
    }

    @PostMapping("/admin/unternehmen/{id}/aenderung-verwerfen")
    String discardChange(@PathVariable long id, RedirectAttributes redirect) {
        requireExists(id);
        redirect.addFlashAttribute("success", edits.discardPendingChange(id) ? "directory.changes.discarded" : "directory.staffListing.unchanged");
        return "redirect:/admin/unternehmen/aenderungen";
    }

    private String show(Long id, Model model) {
        model.addAttribute("staff", true);
        model.addAttribute("id", id);
        model.addAttribute("action", id == null ? "/admin/unternehmen/neu" : "/admin/unternehmen/" + id);
        model.addAttribute("back", "/admin/unternehmen/alle");
        if (id != null) {
            model.addAttribute("listing", listings.find(id).orElseThrow());
            edits.pendingChange(id).ifPresent(change -> model.addAttribute("pendingChange", change));
        }
        model.addAttribute("categories", directory.categories());
        model.addAttribute("districts", directory.districts());
        model.addAttribute("bounds", bounds);
        return "directory/edit";
    }

    private void requireExists(long id) {
        if (listings.status(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
