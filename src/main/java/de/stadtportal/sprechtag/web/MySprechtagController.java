package de.stadtportal.sprechtag.web;

import java.beans.PropertyEditorSupport;
import java.security.Principal;
import java.util.Arrays;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.sprechtag.domain.SprechtagService;
import de.stadtportal.sprechtag.domain.SprechtagService.CancelResult;
import de.stadtportal.sprechtag.domain.SprechtagService.Slot;
import de.stadtportal.sprechtag.domain.SprechtagService.Topic;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Digitalisierungssprechtag under /konto: booking (business accounts only) and one's own bookings. */
@Controller
class MySprechtagController {

    private final SprechtagService sprechtag;

    MySprechtagController(SprechtagService sprechtag) {
        this.sprechtag = sprechtag;
    }

    /** A topic that is not one of the list counts as none chosen (see {@link #topics}). */
    record BookingForm(
            @NotNull(message = "{sprechtag.topicMissing}") Topic topic,
            @NotBlank(message = "{platform.validation.required}")
            @Size(max = SprechtagService.MAX_QUESTION, message = "{sprechtag.questionTooLong}") String question) {
    }

    @InitBinder("form")
    void topics(WebDataBinder binder) {
        binder.registerCustomEditor(Topic.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Arrays.stream(Topic.values()).filter(t -> t.name().equals(text)).findFirst().orElse(null));
            }
        });
    }

    @GetMapping("/konto/termine")
    String mine(Principal principal, Model model) {
        model.addAttribute("bookings", sprechtag.bookingsOf(principal.getName()));
        model.addAttribute("cancelUntil", sprechtag.cancellableFrom());
        return "sprechtag/my-bookings";
    }

    @GetMapping("/konto/termine/buchen/{id}")
    String form(@PathVariable long id, Model model) {
        Slot slot = bookable(id);
        model.addAttribute("form", new BookingForm(null, null));
        return show(slot, model);
    }

    @PostMapping("/konto/termine/buchen/{id}")
    String book(@PathVariable long id, @Valid @ModelAttribute("form") BookingForm form, BindingResult result,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Slot slot = bookable(id);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(slot, model);
        }
        if (sprechtag.book(slot.id(), principal.getName(), form.topic(), form.question().strip())) {
            redirect.addFlashAttribute("success", "sprechtag.booked");
            return "redirect:/konto/termine";
        }
        result.reject("sprechtag.taken");
        response.setStatus(HttpStatus.CONFLICT.value());
        return show(slot, model);
    }

    @PostMapping("/konto/termine/{id}/stornieren")
    String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        CancelResult result = sprechtag.cancel(id, principal.getName());
        if (result == CancelResult.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute(result == CancelResult.CANCELLED ? "success" : "failure",
                result == CancelResult.CANCELLED ? "sprechtag.cancelled" : "sprechtag.tooLate");
        return "redirect:/konto/termine";
    }

    /** Unknown slots are 404 for everyone; only business accounts may book. */
    private Slot bookable(long id) {
        Slot slot = sprechtag.slot(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser user = CurrentUser.get();
        if (user == null || !user.roles().contains(CurrentUser.BUSINESS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return slot;
    }

    private String show(Slot slot, Model model) {
        model.addAttribute("slot", slot);
        model.addAttribute("topics", Topic.values());
        return "sprechtag/book";
    }
}
