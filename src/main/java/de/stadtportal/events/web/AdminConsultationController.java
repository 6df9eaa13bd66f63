package de.stadtportal.events.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import de.stadtportal.events.domain.ConsultationService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: Sprechtag days, experts and slots, and who booked what. */
@Controller
class AdminConsultationController {

    private final ConsultationService consultations;

    AdminConsultationController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/admin/sprechtag")
    String overview(Model model) {
        LocalDate from = LocalDate.now(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE).minusDays(7);
        model.addAttribute("days", consultations.days(from));
        model.addAttribute("experts", consultations.experts());
        model.addAttribute("slots", consultations.slotsFrom(from));
        return "admin/events/sprechtag";
    }

    @PostMapping("/admin/sprechtag/tage")
    String addDay(@RequestParam(required = false) String day, @RequestParam(required = false) String meetingUrl,
                  RedirectAttributes redirect) {
        LocalDate date = date(day);
        if (date == null || meetingUrl == null || !meetingUrl.strip().matches("https://\\S{1,290}")) {
            return failure(redirect, "sprechtag.admin.dayInvalid");
        }
        boolean added = consultations.addDay(date, meetingUrl.strip());
        return added ? success(redirect, "sprechtag.admin.dayAdded") : failure(redirect, "sprechtag.admin.dayExists");
    }

    @PostMapping("/admin/sprechtag/experten")
    String addExpert(@RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
                     RedirectAttributes redirect) {
        if (name == null || name.isBlank() || name.length() > 160 || organisation == null || organisation.isBlank()
                || organisation.length() > 160) {
            return failure(redirect, "sprechtag.admin.expertInvalid");
        }
        boolean added = consultations.addExpert(name.strip(), organisation.strip());
        return added ? success(redirect, "sprechtag.admin.expertAdded") : failure(redirect, "sprechtag.admin.expertExists");
    }

    @PostMapping("/admin/sprechtag/termine")
    String addSlots(@RequestParam(required = false) Long dayId, @RequestParam(required = false) Long expertId,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    RedirectAttributes redirect) {
        LocalTime start = time(from);
        LocalTime end = time(to);
        if (dayId == null || expertId == null || !consultations.dayExists(dayId) || !consultations.expertExists(expertId)
                || start == null || end == null || !end.isAfter(start)) {
            return failure(redirect, "sprechtag.admin.slotsInvalid");
        }
        consultations.addSlots(dayId, expertId, start, end);
        return success(redirect, "sprechtag.admin.slotsAdded");
    }

    @PostMapping("/admin/sprechtag/termine/{id}/loeschen")
    String deleteSlot(@PathVariable long id, RedirectAttributes redirect) {
        if (consultations.slot(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return consultations.deleteSlot(id) ? success(redirect, "sprechtag.admin.slotDeleted")
                : failure(redirect, "sprechtag.admin.slotBooked");
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String success(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("success", key);
        return "redirect:/admin/sprechtag";
    }

    private static String failure(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("failure", key);
        return "redirect:/admin/sprechtag";
    }
}
