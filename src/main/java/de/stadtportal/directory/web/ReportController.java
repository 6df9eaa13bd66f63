package de.stadtportal.directory.web;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.BusinessDetail;
import de.stadtportal.directory.domain.ReportService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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

/** "Daten veraltet?": a short public form per listing (staff read them in {@link AdminReportController}). */
@Controller
class ReportController {

    private final DirectoryApi directory;
    private final ReportService reports;

    ReportController(DirectoryApi directory, ReportService reports) {
        this.directory = directory;
        this.reports = reports;
    }

    record ReportForm(
            @NotBlank(message = "{directory.report.messageMissing}") @Size(max = 1000, message = "{platform.validation.tooLong}") String message,
            @Email(message = "{platform.validation.email}") @Size(max = 320, message = "{platform.validation.tooLong}") String email) {
    }

    @GetMapping("/unternehmen/{slug}/hinweis")
    String form(@PathVariable String slug, Model model) {
        model.addAttribute("business", published(slug));
        model.addAttribute("form", new ReportForm("", ""));
        return "directory/report";
    }

    @PostMapping("/unternehmen/{slug}/hinweis")
    String report(@PathVariable String slug, @Valid @ModelAttribute("form") ReportForm form, BindingResult result,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        BusinessDetail business = published(slug);
        model.addAttribute("business", business);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "directory/report";
        }
        if (!reports.allow(request.getRemoteAddr())) {
            // what was typed stays in the form
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return "directory/report";
        }
        reports.report(business.id(), form.message(), form.email());
        redirect.addFlashAttribute("success", "directory.report.thanks");
        return "redirect:/unternehmen/" + slug;
    }

    private BusinessDetail published(String slug) {
        return directory.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
