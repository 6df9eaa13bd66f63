package de.stadtportal.content.web;

import java.util.Arrays;
import java.util.Locale;

import de.stadtportal.content.domain.BarrierReportService;
import de.stadtportal.content.domain.BarrierReportService.Status;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff read the reported barriers, answer by mail and close them (/admin/barrieren). */
@Controller
class AdminBarrierReportController {

    private final BarrierReportService reports;

    AdminBarrierReportController(BarrierReportService reports) {
        this.reports = reports;
    }

    record AnswerForm(@NotNull(message = "{platform.validation.required}") Status status,
                      @Size(max = 4000, message = "{platform.validation.tooLong}") String answer, long version) {
    }

    @GetMapping("/admin/barrieren")
    String list(@RequestParam(required = false) String status, Model model) {
        Status filter = Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("reports", reports.list(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", Status.values());
        return "admin/barriers/list";
    }

    @GetMapping("/admin/barrieren/{id}")
    String show(@PathVariable long id, Model model) {
        var report = reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", report);
        model.addAttribute("form", new AnswerForm(report.status(), report.answer(), report.version()));
        model.addAttribute("statuses", Status.values());
        return "admin/barriers/detail";
    }

    @PostMapping("/admin/barrieren/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AnswerForm form, BindingResult result, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        var report = reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", report);
        model.addAttribute("statuses", Status.values());
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/barriers/detail";
        }
        try {
            // the reporter wrote in German (the form's language by default); the answer mail is German too
            reports.update(id, form.version(), form.status(), form.answer(), Locale.GERMAN);
        } catch (BarrierReportService.StaleReportException e) {
            // the input stays; saving again overwrites the other change
            model.addAttribute("form", new AnswerForm(form.status(), form.answer(), report.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "admin/barriers/detail";
        }
        redirect.addFlashAttribute("success", "content.barrier.admin.saved");
        return "redirect:/admin/barrieren/" + id;
    }
}
