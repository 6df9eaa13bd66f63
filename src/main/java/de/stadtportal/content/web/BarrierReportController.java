package de.stadtportal.content.web;

import java.net.URI;

import de.stadtportal.content.domain.BarrierReportService;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Barriere melden": the accessible feedback form the accessibility statement offers (BITV NRW). */
@Controller
class BarrierReportController {

    private final BarrierReportService reports;

    BarrierReportController(BarrierReportService reports) {
        this.reports = reports;
    }

    record BarrierForm(
            @NotBlank(message = "{content.barrier.descriptionMissing}") @Size(max = 2000, message = "{platform.validation.tooLong}") String description,
            @Size(max = 500, message = "{platform.validation.tooLong}") String location,
            @Size(max = 120, message = "{platform.validation.tooLong}") String contactName,
            @Email(message = "{platform.validation.email}") @Size(max = 320, message = "{platform.validation.tooLong}") String contactEmail) {
    }

    /** The page the visitor came from (a link's ?seite= or the Referer of this portal) fills "where". */
    @GetMapping("/barriere-melden")
    String form(@RequestParam(name = "seite", required = false) String page,
                @RequestHeader(name = "Referer", required = false) String referer, HttpServletRequest request, Model model) {
        String location = page != null ? localPath(page, request) : localPath(referer, request);
        model.addAttribute("form", new BarrierForm("", location, "", ""));
        return "content/barrier-report";
    }

    @PostMapping("/barriere-melden")
    String submit(@Valid @ModelAttribute("form") BarrierForm form, BindingResult result, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "content/barrier-report";
        }
        if (!reports.allow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return "content/barrier-report";
        }
        reports.submit(form.description(), form.location(), form.contactName(), form.contactEmail());
        redirect.addFlashAttribute("success", "content.barrier.thanks");
        return "redirect:/barrierefreiheit";
    }

    /** Only a path of this portal, never another site's address; anything unreadable: empty. */
    static String localPath(String address, HttpServletRequest request) {
        if (address == null || address.isBlank() || address.length() > 500) {
            return "";
        }
        try {
            URI uri = URI.create(address.strip());
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return "";
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/barriere-melden")) {
                return "";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
