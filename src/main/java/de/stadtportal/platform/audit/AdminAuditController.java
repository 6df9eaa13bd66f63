package de.stadtportal.platform.audit;

import java.time.LocalDate;
import java.util.List;

import de.stadtportal.platform.audit.AuditLog.AuditEntry;
import de.stadtportal.platform.audit.AuditLog.AuditFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff browse the audit log, filtered by person, area, record and date. */
@Controller
class AdminAuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;

    AdminAuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    record FilterForm(
            @Size(max = 320, message = "{platform.validation.tooLong}") String person,
            @Size(max = 80, message = "{platform.validation.tooLong}") String area,
            @Size(max = 80, message = "{platform.validation.tooLong}") String record,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    @GetMapping("/admin/protokoll")
    String list(@Validated @ModelAttribute("filter") FilterForm filter, BindingResult result,
                @RequestParam(name = "seite", defaultValue = "0") int page, Model model, HttpServletResponse response) {
        int current = Math.max(page, 0);
        List<AuditEntry> entries = List.of();
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            entries = auditLog.search(new AuditFilter(filter.person(), filter.area(), filter.record(), filter.from(),
                    filter.to()), current, PAGE_SIZE);
        }
        model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("areas", auditLog.entityTypes());
        return "admin/audit/list";
    }
}
