package de.stadtportal.skilledworkers.web;

import de.stadtportal.skilledworkers.domain.InquiryException;
import de.stadtportal.skilledworkers.domain.InquiryService;
import de.stadtportal.skilledworkers.domain.InquiryService.Inquiry;
import de.stadtportal.skilledworkers.domain.InquiryStatus;
import de.stadtportal.skilledworkers.domain.OrientationService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

/**
 * The support point's inbox (SUPPORT_POINT and ADMIN only, see the security configuration): status,
 * forwarding to an office, internal notes, and the answer mailed to the employer.
 */
@Controller
class AdminInquiryController {

    static final String BASE = "/admin/fachkraefte/anfragen";

    private final InquiryService inquiries;
    private final OrientationService orientation;

    AdminInquiryController(InquiryService inquiries, OrientationService orientation) {
        this.inquiries = inquiries;
        this.orientation = orientation;
    }

    /** Choices, ids and the version as text, so a tampered value comes back as a message with the input kept. */
    record WorkForm(String status, String forwardedTo,
                    @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String notes,
                    String version) {

        static WorkForm of(Inquiry inquiry) {
            return new WorkForm(inquiry.status().name(), inquiry.forwardedTo() == null ? null : inquiry.forwardedTo().toString(),
                    inquiry.notes(), String.valueOf(inquiry.version()));
        }
    }

    record AnswerForm(@NotBlank(message = "{platform.validation.required}")
                      @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String answer,
                      String version) {
    }

    @InitBinder({"work", "reply"})
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String inbox(@RequestParam(required = false) InquiryStatus status, Model model) {
        model.addAttribute("inquiries", inquiries.inbox(status));
        model.addAttribute("statuses", InquiryStatus.values());
        model.addAttribute("status", status);
        return "skilledworkers/admin/inbox";
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable long id, Model model) {
        Inquiry inquiry = inquiries.read(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("work", WorkForm.of(inquiry));
        model.addAttribute("reply", new AnswerForm(inquiry.answer(), current(inquiry)));
        return page(inquiry, model);
    }

    @PostMapping(BASE + "/{id}")
    String work(@PathVariable long id, @Valid @ModelAttribute("work") WorkForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Inquiry inquiry = require(id);
        String notes = FormRules.normalise(form.notes());
        if (notes != null && notes.length() > InquiryService.MAX_NOTES && !result.hasFieldErrors("notes")) {
            result.rejectValue("notes", "skilledworkers.validation.textTooLong",
                    new Object[] {InquiryService.MAX_NOTES, notes.length()}, null);
        }
        InquiryStatus status = FormRules.choice(InquiryStatus.class, form.status(), result, "status");
        Long forwardedTo = FormRules.number(form.forwardedTo(), result, "forwardedTo");
        long version = FormRules.version(form.version(), result);
        if (!result.hasErrors()) {
            try {
                if (inquiries.update(id, version, status, forwardedTo, notes)) {
                    redirect.addFlashAttribute("success", "skilledworkers.inbox.saved");
                    return "redirect:" + BASE + "/" + id;
                }
                return conflict(inquiry, new WorkForm(form.status(), form.forwardedTo(), form.notes(), current(inquiry)),
                        new AnswerForm(inquiry.answer(), current(inquiry)), model, response);
            } catch (InquiryException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reply", new AnswerForm(inquiry.answer(), current(inquiry)));
        return page(inquiry, model);
    }

    @PostMapping(BASE + "/{id}/antwort")
    String answer(@PathVariable long id, @Valid @ModelAttribute("reply") AnswerForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Inquiry inquiry = require(id);
        String answer = FormRules.normalise(form.answer());
        if (answer != null && answer.length() > InquiryService.MAX_ANSWER && !result.hasFieldErrors("answer")) {
            result.rejectValue("answer", "skilledworkers.validation.textTooLong",
                    new Object[] {InquiryService.MAX_ANSWER, answer.length()}, null);
        }
        long version = FormRules.version(form.version(), result);
        if (!result.hasErrors()) {
            try {
                if (inquiries.answer(id, version, answer)) {
                    redirect.addFlashAttribute("success", "skilledworkers.inbox.answered");
                    return "redirect:" + BASE + "/" + id;
                }
                return conflict(inquiry, WorkForm.of(inquiry), new AnswerForm(form.answer(), current(inquiry)), model, response);
            } catch (InquiryException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("work", WorkForm.of(inquiry));
        return page(inquiry, model);
    }

    /** Someone else changed the inquiry meanwhile: their state is shown, the input kept with the new version. */
    private String conflict(Inquiry current, WorkForm work, AnswerForm reply, Model model, HttpServletResponse response) {
        model.addAttribute("work", work);
        model.addAttribute("reply", reply);
        model.addAttribute("conflict", true);
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(current, model);
    }

    private String page(Inquiry inquiry, Model model) {
        model.addAttribute("inquiry", inquiry);
        model.addAttribute("statuses", InquiryStatus.values());
        model.addAttribute("offices", orientation.contactPoints());
        model.addAttribute("office", inquiry.forwardedTo() == null ? null
                : orientation.contactPoint(inquiry.forwardedTo()).orElse(null));
        model.addAttribute("maxNotes", InquiryService.MAX_NOTES);
        model.addAttribute("maxAnswer", InquiryService.MAX_ANSWER);
        return "skilledworkers/admin/inquiry";
    }

    private static String current(Inquiry inquiry) {
        return String.valueOf(inquiry.version());
    }

    private Inquiry require(long id) {
        return inquiries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
