package de.stadtportal.sprechtag.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import de.stadtportal.sprechtag.domain.SprechtagService;
import de.stadtportal.sprechtag.domain.SprechtagStaffService;
import de.stadtportal.sprechtag.domain.SprechtagStaffService.DeleteResult;
import de.stadtportal.sprechtag.domain.SprechtagStaffService.ExpertView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: Sprechtag days, experts and slots, who booked what, and each expert's bookings on a printable page. */
@Controller
class AdminSprechtagController {

    /** A plausible address; the database's CHECK agrees (something@something, no spaces). */
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,255}";

    private final SprechtagService sprechtag;
    private final SprechtagStaffService staff;

    AdminSprechtagController(SprechtagService sprechtag, SprechtagStaffService staff) {
        this.sprechtag = sprechtag;
        this.staff = staff;
    }

    record ExpertForm(@Size(max = SprechtagStaffService.MAX_EMAIL, message = "{validation.tooLong}")
                      @Email(regexp = EMAIL, message = "{validation.email}") String email) {
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/admin/sprechtag")
    String overview(Model model) {
        LocalDate from = sprechtag.today().minusDays(7);
        model.addAttribute("days", staff.days(from));
        model.addAttribute("experts", staff.experts());
        model.addAttribute("slots", sprechtag.slotsFrom(from));
        return "admin/sprechtag/overview";
    }

    @PostMapping("/admin/sprechtag/tage")
    String addDay(@RequestParam(required = false) String day, @RequestParam(required = false) String meetingUrl,
                  RedirectAttributes redirect) {
        LocalDate date = date(day);
        if (date == null || meetingUrl == null || !meetingUrl.strip().matches("https://\\S{1,290}")) {
            return failure(redirect, "sprechtag.admin.dayInvalid");
        }
        boolean added = sprechtag.addDay(date, meetingUrl.strip());
        return added ? success(redirect, "sprechtag.admin.dayAdded") : failure(redirect, "sprechtag.admin.dayExists");
    }

    @PostMapping("/admin/sprechtag/experten")
    String addExpert(@RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
                     @RequestParam(required = false) String email, RedirectAttributes redirect) {
        if (name == null || name.isBlank() || name.length() > 160 || organisation == null || organisation.isBlank()
                || organisation.length() > 160) {
            return failure(redirect, "sprechtag.admin.expertInvalid");
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > SprechtagStaffService.MAX_EMAIL || !address.matches(EMAIL))) {
            return failure(redirect, "sprechtag.admin.expertEmailInvalid");
        }
        boolean added = sprechtag.addExpert(name.strip(), organisation.strip(), address);
        return added ? success(redirect, "sprechtag.admin.expertAdded") : failure(redirect, "sprechtag.admin.expertExists");
    }

    @PostMapping("/admin/sprechtag/termine")
    String addSlots(@RequestParam(required = false) Long dayId, @RequestParam(required = false) Long expertId,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    RedirectAttributes redirect) {
        LocalTime start = time(from);
        LocalTime end = time(to);
        if (dayId == null || expertId == null || !sprechtag.dayExists(dayId) || !sprechtag.expertExists(expertId)
                || start == null || end == null || !end.isAfter(start)) {
            return failure(redirect, "sprechtag.admin.slotsInvalid");
        }
        sprechtag.addSlots(dayId, expertId, start, end);
        return success(redirect, "sprechtag.admin.slotsAdded");
    }

    @PostMapping("/admin/sprechtag/termine/{id}/loeschen")
    String deleteSlot(@PathVariable long id, RedirectAttributes redirect) {
        if (sprechtag.slot(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return sprechtag.deleteSlot(id) ? success(redirect, "sprechtag.admin.slotDeleted")
                : failure(redirect, "sprechtag.admin.slotBooked");
    }

    @PostMapping("/admin/sprechtag/tage/{id}/loeschen")
    String deleteDay(@PathVariable long id, RedirectAttributes redirect) {
        DeleteResult result = staff.deleteDay(id);
        if (result == DeleteResult.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return result == DeleteResult.DELETED ? success(redirect, "sprechtag.admin.dayDeleted")
                : failure(redirect, "sprechtag.admin.dayBooked");
    }

    @PostMapping("/admin/sprechtag/experten/{id}/loeschen")
    String deleteExpert(@PathVariable long id, RedirectAttributes redirect) {
        DeleteResult result = staff.deleteExpert(id);
        if (result == DeleteResult.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return result == DeleteResult.DELETED ? success(redirect, "sprechtag.admin.expertDeleted")
                : failure(redirect, "sprechtag.admin.expertBooked");
    }

    /** One expert's bookings from today on, to print or to send them; experts have no account of their own. */
    @GetMapping("/admin/sprechtag/experten/{id}")
    String expert(@PathVariable long id, Model model) {
        ExpertView expert = requireExpert(id);
        model.addAttribute("form", new ExpertForm(expert.email()));
        return showExpert(expert, model);
    }

    @PostMapping("/admin/sprechtag/experten/{id}")
    String changeExpert(@PathVariable long id, @Valid @ModelAttribute("form") ExpertForm form, BindingResult result,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ExpertView expert = requireExpert(id);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showExpert(expert, model);
        }
        staff.setEmail(id, form.email());
        redirect.addFlashAttribute("success", "sprechtag.admin.expertSaved");
        return "redirect:/admin/sprechtag/experten/" + id;
    }

    private String showExpert(ExpertView expert, Model model) {
        model.addAttribute("expert", expert);
        model.addAttribute("bookings", staff.bookings(expert.id(), sprechtag.today()));
        return "admin/sprechtag/expert";
    }

    private ExpertView requireExpert(long id) {
        return staff.expert(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
