package de.stadtportal.sprechtag.web;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.sprechtag.domain.SprechtagService;
import de.stadtportal.sprechtag.domain.SprechtagService.Slot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Digitalisierungssprechtag, public: the coming days with their free and booked slots. */
@Controller
class SprechtagController {

    private final SprechtagService sprechtag;

    SprechtagController(SprechtagService sprechtag) {
        this.sprechtag = sprechtag;
    }

    @GetMapping("/sprechtag")
    String overview(Model model) {
        model.addAttribute("days", byDayAndExpert(sprechtag.comingSlots()));
        return "sprechtag/overview";
    }

    /** Day → expert → slots, in order. */
    static Map<LocalDate, Map<String, List<Slot>>> byDayAndExpert(List<Slot> slots) {
        Map<LocalDate, Map<String, List<Slot>>> days = new LinkedHashMap<>();
        for (Slot slot : slots) {
            days.computeIfAbsent(slot.day(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(slot.expert() + " (" + slot.organisation() + ")", e -> new ArrayList<>()).add(slot);
        }
        return days;
    }
}
