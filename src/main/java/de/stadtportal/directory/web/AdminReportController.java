package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.directory.domain.ReportService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff's list of open "Daten veraltet?" reports (the public form: {@link ReportController}). */
@Controller
class AdminReportController {

    private final ReportService reports;

    AdminReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/unternehmen/hinweise")
    String open(Model model) {
        model.addAttribute("reports", reports.open());
        return "admin/directory/reports";
    }

    @PostMapping("/admin/unternehmen/hinweise/{id}/erledigt")
    String resolve(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        if (!reports.resolve(id, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "directory.report.resolved");
        return "redirect:/admin/unternehmen/hinweise";
    }
}
