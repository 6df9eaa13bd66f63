package de.stadtportal.content.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtportal.content.domain.LegalPage;
import de.stadtportal.content.domain.LegalTextService;
import de.stadtportal.content.domain.LegalTextService.LegalContent;
import de.stadtportal.content.domain.LegalTextService.StaleLegalPageException;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlainInput;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

/**
 * Staff: the text sections of Impressum, Datenschutz and Barrierefreiheit (with the statement's dates). The
 * editor opens with the text visitors read now – the built-in one until staff change it.
 */
@Controller
class AdminLegalController {

    static final String BASE = "/admin/rechtliches";

    private final LegalTextService texts;
    private final org.springframework.context.MessageSource messages;

    AdminLegalController(LegalTextService texts, org.springframework.context.MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    record Row(String key,
               @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String de,
               @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String en) {
    }

    record LegalForm(@Valid List<Row> texts,
                     @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{content.legal.dateFormat}") String statementDate,
                     @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{content.legal.dateFormat}") String reviewDate,
                     long version) {

        static LegalForm of(LegalContent content) {
            return new LegalForm(content.keys().stream().map(k -> new Row(k, content.texts().get(k).de(), content.texts().get(k).en()))
                    .toList(), string(content.statementDate()), string(content.reviewDate()), content.version());
        }

        LegalForm withVersion(long current) {
            return new LegalForm(texts, statementDate, reviewDate, current);
        }

        private static String string(LocalDate date) {
            return date == null ? null : date.toString();
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("pages", LegalPage.values());
        return "admin/content/legal-list";
    }

    @GetMapping(BASE + "/{page}")
    String edit(@PathVariable String page, Model model) {
        LegalContent content = texts.content(require(page));
        model.addAttribute("form", LegalForm.of(content));
        return show(content, model);
    }

    @PostMapping(BASE + "/{page}")
    String save(@PathVariable String page, @Valid @ModelAttribute("form") LegalForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        LegalPage legalPage = require(page);
        LocalDate statement = date(form.statementDate(), "statementDate", result);
        LocalDate review = date(form.reviewDate(), "reviewDate", result);
        if (statement != null && review != null && review.isBefore(statement)) {
            result.rejectValue("reviewDate", "content.legal.reviewBeforeStatement");
        }
        Map<String, Localized> changed = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        if (form.texts() == null || form.texts().size() > legalPage.keys().size()) {
            result.reject("content.legal.incomplete");
        } else {
            for (Row row : form.texts()) {
                if (row == null || row.key() == null || !legalPage.keys().contains(row.key()) || !seen.add(row.key())) {
                    result.reject("content.legal.incomplete");
                    break;
                }
                changed.put(row.key(), Localized.of(normalise(row.de()), normalise(row.en())));
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(texts.content(legalPage), model);
        }
        try {
            texts.save(legalPage, changed, legalPage.dated() ? statement : null, legalPage.dated() ? review : null, form.version());
        } catch (StaleLegalPageException e) {
            LegalContent current = texts.content(legalPage);
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(current, model);
        }
        redirect.addFlashAttribute("success", "content.legal.saved");
        return "redirect:" + BASE + "/" + page;
    }

    @PostMapping(BASE + "/{page}/zuruecksetzen")
    String reset(@PathVariable String page, RedirectAttributes redirect) {
        texts.reset(require(page));
        redirect.addFlashAttribute("success", "content.legal.reset");
        return "redirect:" + BASE + "/" + page;
    }

    @GetMapping(BASE + "/{page}/versionen")
    String versions(@PathVariable String page, Model model, java.util.Locale locale) {
        LegalPage legalPage = require(page);
        model.addAttribute("title", messages.getMessage(legalPage.titleKey(), null, locale));
        model.addAttribute("back", BASE + "/" + legalPage.path());
        model.addAttribute("versions", texts.versions(legalPage));
        return "admin/versions";
    }

    @PostMapping(BASE + "/{page}/versionen/{number}/wiederherstellen")
    String restore(@PathVariable String page, @PathVariable int number, RedirectAttributes redirect) {
        if (!texts.restore(require(page), number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE + "/" + page;
    }

    private static LocalDate date(String value, String field, BindingResult result) {
        if (value == null || result.hasFieldErrors(field)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                result.rejectValue(field, "content.legal.dateFormat");
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            result.rejectValue(field, "content.legal.dateFormat");
            return null;
        }
    }

    private static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private String show(LegalContent content, Model model) {
        model.addAttribute("legal", content);
        return "admin/content/legal-edit";
    }

    private static LegalPage require(String page) {
        return LegalPage.ofPath(page).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
