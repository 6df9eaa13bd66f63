package de.stadtportal.events.web;

import java.time.LocalDateTime;

import de.stadtportal.events.domain.ConsultationService;
import de.stadtportal.events.domain.EventService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Digitale Koproduktion im Handwerk": the cooperation, its goals and dates, the next Handwerker-Frühstück. */
@Controller
class HandwerkController {

    private final EventService events;
    private final ConsultationService consultations;

    HandwerkController(EventService events, ConsultationService consultations) {
        this.events = events;
        this.consultations = consultations;
    }

    @GetMapping("/handwerk")
    String show(Model model) {
        LocalDateTime until = events.now().plusMonths(EventController.MONTHS_AHEAD);
        model.addAttribute("breakfast", events.upcoming("handwerk", "Handwerker-Frühstück", until).stream().findFirst().orElse(null));
        model.addAttribute("crafts", events.upcoming("handwerk", null, until).stream().limit(5).toList());
        model.addAttribute("nextConsultation", consultations.comingSlots().stream().filter(s -> !s.booked()).findFirst().orElse(null));
        return "events/handwerk";
    }
}
