package de.stadtportal.events.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.events.domain.ConsultationService;
import de.stadtportal.events.domain.ConsultationService.CancelResult;
import de.stadtportal.events.domain.ConsultationService.Slot;
import de.stadtportal.events.domain.ConsultationService.Topic;
import de.stadtportal.platform.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Digitalisierungssprechtag: free slots are public; booking and the own bookings live under
 * /konto (a login is needed), booking only for business accounts.
 */
@Controller
class ConsultationController {

    private final ConsultationService consultations;

    ConsultationController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    record BookingForm(
            @NotBlank(message = "{sprechtag.topicMissing}") String topic,
            @NotBlank(message = "{validation.required}")
            @Size(max = ConsultationService.MAX_QUESTION, message = "{sprechtag.questionTooLong}") String question) {
    }

    @GetMapping("/sprechtag")
    String overview(Model model) {
        model.addAttribute("days", byDayAndExpert(consultations.comingSlots()));
        return "events/sprechtag";
    }

    @GetMapping("/konto/termine")
    String mine(Principal principal, Model model) {
        model.addAttribute("bookings", consultations.bookingsOf(principal.getName()));
        model.addAttribute("cancelUntil", consultations.cancellableFrom());
        return "events/my-bookings";
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
        Topic topic = null;
        if (form.topic() != null && !form.topic().isBlank()) {
            try {
                topic = Topic.valueOf(form.topic());
            } catch (IllegalArgumentException e) {
                result.rejectValue("topic", "sprechtag.topicMissing");
            }
        }
        if (!result.hasErrors()) {
            if (consultations.book(slot.id(), principal.getName(), topic, form.question().strip())) {
                redirect.addFlashAttribute("success", "sprechtag.booked");
                return "redirect:/konto/termine";
            }
            result.reject("sprechtag.taken");
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(slot, model);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(slot, model);
    }

    @PostMapping("/konto/termine/{id}/stornieren")
    String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        CancelResult result = consultations.cancel(id, principal.getName());
        if (result == CancelResult.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute(result == CancelResult.CANCELLED ? "success" : "failure",
                result == CancelResult.CANCELLED ? "sprechtag.cancelled" : "sprechtag.tooLate");
        return "redirect:/konto/termine";
    }

    /** Unknown slots are 404 for everyone; only business accounts may book. */
    private Slot bookable(long id) {
        Slot slot = consultations.slot(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser user = CurrentUser.get();
        if (user == null || !user.roles().contains(CurrentUser.BUSINESS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return slot;
    }

    private String show(Slot slot, Model model) {
        model.addAttribute("slot", slot);
        model.addAttribute("topics", Topic.values());
        return "events/book";
    }

    /** Day → expert → slots, in order. */
    static Map<LocalDate, Map<String, List<Slot>>> byDayAndExpert(List<Slot> slots) {
        Map<LocalDate, Map<String, List<Slot>>> days = new LinkedHashMap<>();
        for (Slot slot : slots) {
            days.computeIfAbsent(slot.day(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(slot.expert() + " (" + slot.organisation() + ")", e -> new java.util.ArrayList<>()).add(slot);
        }
        return days;
    }
}
