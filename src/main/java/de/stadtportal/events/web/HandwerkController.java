package de.stadtportal.events.web;

import java.time.LocalDateTime;

import de.stadtportal.events.domain.ConsultationService;
import de.stadtportal.events.domain.EventService;
import de.stadtportal.events.domain.PortraitService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Digitale Koproduktion im Handwerk": the cooperation, its goals and dates, the next Handwerker-Frühstück, "Gesichter des Handwerks". */
@Controller
class HandwerkController {

    private final EventService events;
    private final ConsultationService consultations;
    private final PortraitService portraits;

    HandwerkController(EventService events, ConsultationService consultations, PortraitService portraits) {
        this.events = events;
        this.consultations = consultations;
        this.portraits = portraits;
    }

    @GetMapping("/handwerk")
    String show(Model model) {
        LocalDateTime until = events.now().plusMonths(EventController.MONTHS_AHEAD);
        model.addAttribute("breakfast", events.upcoming("handwerk", "Handwerker-Frühstück", until).stream().findFirst().orElse(null));
        model.addAttribute("crafts", events.upcoming("handwerk", null, until).stream().limit(5).toList());
        model.addAttribute("nextConsultation", consultations.comingSlots().stream().filter(s -> !s.booked()).findFirst().orElse(null));
        model.addAttribute("portraits", portraits.published());
        return "events/handwerk";
    }
}
