package de.stadtportal.fairtrade.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

import de.stadtportal.fairtrade.domain.BoardService;
import de.stadtportal.fairtrade.domain.Criteria.Measure;
import de.stadtportal.fairtrade.domain.JoinService;
import de.stadtportal.fairtrade.domain.JoinService.Decision;
import de.stadtportal.fairtrade.domain.RenewalReport;
import de.stadtportal.fairtrade.domain.RenewalReport.Entry;
import de.stadtportal.fairtrade.domain.RenewalReport.Report;
import de.stadtportal.fairtrade.domain.RenewalReport.Section;
import de.stadtportal.fairtrade.domain.ShopService;
import de.stadtportal.platform.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: join requests, confirming businesses that sell fair, and the renewal report (page and CSV). */
@Controller
class AdminReviewController {

    static final String BASE = AdminFairtradeController.BASE;

    private final JoinService joins;
    private final ShopService shops;
    private final RenewalReport report;
    private final BoardService board;
    private final MessageSource messages;

    AdminReviewController(JoinService joins, ShopService shops, RenewalReport report, BoardService board,
                          MessageSource messages) {
        this.joins = joins;
        this.shops = shops;
        this.report = report;
        this.board = board;
        this.messages = messages;
    }

    @PostMapping(BASE + "/anfragen/{id}/annehmen")
    String accept(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return decide(id, true, locale, redirect);
    }

    @PostMapping(BASE + "/anfragen/{id}/ablehnen")
    String reject(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return decide(id, false, locale, redirect);
    }

    private String decide(long id, boolean accept, Locale locale, RedirectAttributes redirect) {
        Decision decision = joins.decide(id, accept, locale);
        if (decision == Decision.NOT_PENDING && joins.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.decision." + decision.name());
        return "redirect:" + BASE + "#anfragen";
    }

    @PostMapping(BASE + "/geschaefte/{id}/bestaetigen")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        return confirm(id, true, redirect);
    }

    @PostMapping(BASE + "/geschaefte/{id}/zuruecknehmen")
    String unconfirm(@PathVariable long id, RedirectAttributes redirect) {
        return confirm(id, false, redirect);
    }

    private String confirm(long id, boolean confirmed, RedirectAttributes redirect) {
        if (!shops.confirm(id, confirmed)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", confirmed ? "fairtrade.admin.confirmed" : "fairtrade.admin.unconfirmed");
        return "redirect:" + BASE + "#geschaefte";
    }

    @GetMapping(BASE + "/bericht")
    String report(@RequestParam(name = "jahr", required = false) Integer year, Model model) {
        model.addAttribute("report", report.report(year(year)));
        return "fairtrade/admin/report";
    }

    @GetMapping(BASE + "/bericht.csv")
    ResponseEntity<String> csv(@RequestParam(name = "jahr", required = false) Integer year, Locale locale) {
        Report r = report.report(year(year));
        StringWriter out = new StringWriter();
        // the byte order mark lets spreadsheet programs read the umlauts as UTF-8
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(
                text("fairtrade.csv.criterion", locale), text("fairtrade.csv.measure", locale),
                text("fairtrade.csv.count", locale), text("fairtrade.csv.target", locale), text("fairtrade.csv.met", locale),
                text("fairtrade.csv.name", locale), text("fairtrade.csv.detail", locale), text("fairtrade.csv.date", locale)).get())) {
            for (Section section : r.sections()) {
                String criterion = section.criterion().number() + ". " + text(section.criterion().title(), locale);
                String met = text(section.criterion().met() ? "fairtrade.board.met" : "fairtrade.board.notMet", locale);
                for (Measure measure : section.criterion().measures()) {
                    csv.printRecord(criterion, text(measure.label() + ".name", locale), measure.count(), measure.target(), met,
                            null, null, null);
                }
                for (Entry entry : section.entries()) {
                    csv.printRecord(criterion, null, null, null, null,
                            Csv.cell(entry.nameIsKey() ? text(entry.name(), locale) : entry.name()),
                            Csv.cell(entry.detailIsKey() ? text(entry.detail(), locale) : entry.detail()),
                            entry.date());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"fairtrade-bericht-" + r.board().year() + ".csv\"")
                .body(out.toString());
    }

    private int year(Integer year) {
        if (year == null) {
            return board.currentYear();
        }
        if (year < 2000 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return year;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
