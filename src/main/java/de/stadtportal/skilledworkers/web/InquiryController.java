package de.stadtportal.skilledworkers.web;

import java.util.Locale;

import de.stadtportal.skilledworkers.domain.InquiryService;
import de.stadtportal.skilledworkers.domain.InquiryService.NewInquiry;
import de.stadtportal.skilledworkers.domain.Plan;
import de.stadtportal.skilledworkers.domain.Residence;
import de.stadtportal.skilledworkers.domain.SkilledWorkersProperties;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
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

/** The support point's public side: the inquiry form and the employer's private status page. */
@Controller
class InquiryController {

    private final InquiryService inquiries;
    private final SkilledWorkersProperties settings;
    private final MessageSource messages;

    InquiryController(InquiryService inquiries, SkilledWorkersProperties settings, MessageSource messages) {
        this.inquiries = inquiries;
        this.settings = settings;
        this.messages = messages;
    }

    record InquiryForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String company,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String contactName,
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email,
            @Size(max = 40, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "[0-9 +()/.\\-]*", message = "{skilledworkers.validation.phone}") String phone,
            String plan,
            String residence,
            @NotBlank(message = "{platform.validation.required}")
            @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String question,
            Boolean consent) {
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/fachkraefte/anfrage")
    String form(Model model) {
        model.addAttribute("form", new InquiryForm(null, null, null, null, null, null, null, null));
        return show(model);
    }

    @PostMapping("/fachkraefte/anfrage")
    String submit(@Valid @ModelAttribute("form") InquiryForm form, BindingResult result, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String question = FormRules.normalise(form.question());
        if (question != null && question.length() > InquiryService.MAX_QUESTION && !result.hasFieldErrors("question")) {
            result.rejectValue("question", "skilledworkers.validation.textTooLong",
                    new Object[] {InquiryService.MAX_QUESTION, question.length()}, null);
        }
        Plan plan = FormRules.choice(Plan.class, form.plan(), result, "plan");
        Residence residence = FormRules.choice(Residence.class, form.residence(), result, "residence");
        if (!Boolean.TRUE.equals(form.consent())) {
            result.rejectValue("consent", "skilledworkers.inquiry.consentMissing");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model);
        }
        if (!inquiries.allow(request.getRemoteAddr())) {
            // what was typed stays in the form
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttled", true);
            return show(model);
        }
        String token = inquiries.submit(new NewInquiry(form.company(), form.contactName(), form.email(), form.phone(),
                plan, residence, question), consentText(locale));
        redirect.addFlashAttribute("success", "skilledworkers.inquiry.sent");
        return "redirect:" + InquiryService.STATUS_PATH + token;
    }

    @GetMapping(InquiryService.STATUS_PATH + "{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        // a private page: neither kept by proxies nor indexed, and its address never leaves as a referrer
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("inquiry", inquiries.byToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("retentionMonths", settings.inquiryRetentionMonths());
        return "skilledworkers/inquiry-status";
    }

    private String consentText(Locale locale) {
        return messages.getMessage("skilledworkers.inquiry.consentText", new Object[] {settings.inquiryRetentionMonths()}, locale);
    }

    private String show(Model model) {
        model.addAttribute("plans", Plan.values());
        model.addAttribute("residences", Residence.values());
        model.addAttribute("retentionMonths", settings.inquiryRetentionMonths());
        model.addAttribute("maxQuestion", InquiryService.MAX_QUESTION);
        return "skilledworkers/inquiry";
    }
}
