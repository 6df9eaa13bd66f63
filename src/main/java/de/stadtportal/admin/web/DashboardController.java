package de.stadtportal.admin.web;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.fairtrade.FairtradeApi;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import de.stadtportal.platform.statistics.PageStatistics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What waits for staff, the latest changes and the most visited pages, on one page. */
@Controller
class DashboardController {

    private final MailOutbox outbox;
    private final AuditLog auditLog;
    private final PageStatistics statistics;
    private final DirectoryApi directory;
    private final FairtradeApi fairtrade;

    DashboardController(MailOutbox outbox, AuditLog auditLog, PageStatistics statistics, DirectoryApi directory,
                        FairtradeApi fairtrade) {
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.statistics = statistics;
        this.directory = directory;
        this.fairtrade = fairtrade;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        model.addAttribute("outbox", outbox.summary());
        model.addAttribute("directoryWork", directory.staffWork());
        model.addAttribute("fairtrade", fairtrade.titleStatus().orElse(null));
        model.addAttribute("changes", auditLog.latest(10));
        model.addAttribute("topPages", statistics.mostVisited(30, 10));
        return "admin/dashboard";
    }
}
