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

    record ExpertForm(@Size(max = SprechtagStaffService.MAX_EMAIL, message = "{platform.validation.tooLong}")
                      @Email(regexp = EMAIL, message = "{platform.validation.email}") String email) {
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** The three forms of the overview; text fields, so a wrong value comes back next to its field as typed. */
    record DayForm(@NotBlank(message = "{platform.validation.required}") String day,
                   @NotBlank(message = "{platform.validation.required}")
                   @Pattern(regexp = "https://\\S{1,290}", message = "{sprechtag.admin.meetingUrlInvalid}") String meetingUrl) {
    }

    record NewExpertForm(@NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") String name,
                         @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") String organisation,
                         @Size(max = SprechtagStaffService.MAX_EMAIL, message = "{platform.validation.tooLong}")
                         @Email(regexp = EMAIL, message = "{sprechtag.admin.expertEmailInvalid}") String email) {
    }

    record SlotsForm(String dayId, String expertId, String from, String to) {
    }

    record CancelForm(@NotBlank(message = "{sprechtag.admin.reasonMissing}")
                      @Size(max = 500, message = "{platform.validation.tooLong}") String reason) {
    }

    @InitBinder({"dayForm", "expertForm", "slotsForm", "cancelForm"})
    void trimOverviewForms(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/admin/sprechtag")
    String overview(Model model) {
        return overviewPage(model);
    }

    @PostMapping("/admin/sprechtag/tage")
    String addDay(@Valid @ModelAttribute("dayForm") DayForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        LocalDate date = result.hasFieldErrors("day") ? null : date(form.day());
        if (date == null && !result.hasFieldErrors("day")) {
            result.rejectValue("day", "sprechtag.admin.dateInvalid");
        }
        if (!result.hasErrors() && !sprechtag.addDay(date, form.meetingUrl())) {
            result.rejectValue("day", "sprechtag.admin.dayExists");
        }
        return result.hasErrors() ? refused(model, response) : success(redirect, "sprechtag.admin.dayAdded");
    }

    @PostMapping("/admin/sprechtag/experten")
    String addExpert(@Valid @ModelAttribute("expertForm") NewExpertForm form, BindingResult result, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors() && !sprechtag.addExpert(form.name(), form.organisation(), form.email())) {
            result.rejectValue("name", "sprechtag.admin.expertExists");
        }
        return result.hasErrors() ? refused(model, response) : success(redirect, "sprechtag.admin.expertAdded");
    }

    @PostMapping("/admin/sprechtag/termine")
    String addSlots(@ModelAttribute("slotsForm") SlotsForm form, BindingResult result, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Long dayId = id(form.dayId());
        Long expertId = id(form.expertId());
        LocalTime start = time(form.from());
        LocalTime end = time(form.to());
        if (dayId == null || !sprechtag.dayExists(dayId)) {
            result.rejectValue("dayId", "sprechtag.admin.dayMissing");
        }
        if (expertId == null || !sprechtag.expertExists(expertId)) {
            result.rejectValue("expertId", "sprechtag.admin.expertMissing");
        }
        if (start == null) {
            result.rejectValue("from", "sprechtag.admin.timeInvalid");
        }
        if (end == null) {
            result.rejectValue("to", "sprechtag.admin.timeInvalid");
        } else if (start != null && !end.isAfter(start)) {
            result.rejectValue("to", "sprechtag.admin.endBeforeStart");
        }
        if (result.hasErrors()) {
            return refused(model, response);
        }
        sprechtag.addSlots(dayId, expertId, start, end);
        return success(redirect, "sprechtag.admin.slotsAdded");
    }

    /** Staff cancel a booked slot with a reason the business receives by mail; the slot is free again. */
    @PostMapping("/admin/sprechtag/termine/{id}/stornieren")
    String cancelBooking(@PathVariable long id, @Valid @ModelAttribute("cancelForm") CancelForm form, BindingResult result,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (sprechtag.slot(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (result.hasErrors()) {
            model.addAttribute("cancelSlotId", id);
            return refused(model, response);
        }
        return sprechtag.cancelByStaff(id, form.reason()) ? success(redirect, "sprechtag.admin.bookingCancelled")
                : failure(redirect, "sprechtag.admin.notBooked");
    }

    private String overviewPage(Model model) {
        LocalDate from = sprechtag.today().minusDays(7);
        model.addAttribute("days", staff.days(from));
        model.addAttribute("experts", staff.experts());
        model.addAttribute("slots", sprechtag.slotsFrom(from));
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm(null, null));
        }
        if (!model.containsAttribute("expertForm")) {
            model.addAttribute("expertForm", new NewExpertForm(null, null, null));
        }
        if (!model.containsAttribute("slotsForm")) {
            model.addAttribute("slotsForm", new SlotsForm(null, null, "09:00", "12:00"));
        }
        if (!model.containsAttribute("cancelForm")) {
            model.addAttribute("cancelForm", new CancelForm(null));
        }
        return "admin/sprechtag/overview";
    }

    /** The overview again, with the refused form's input and its messages next to the fields. */
    private String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return overviewPage(model);
    }

    private static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
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
