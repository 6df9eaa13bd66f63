package de.stadtportal.content.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.stadtportal.content.domain.PageTextService;
import de.stadtportal.content.domain.PageTextService.PageTexts;
import de.stadtportal.content.domain.PageTextService.StalePageTextsException;
import de.stadtportal.content.domain.TextPage;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlainInput;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/**
 * Staff: „Seitentexte“, the fixed texts of the public pages (Handwerk, Sprechtag, Fairtrade, Fachkräfte and the
 * topic pages) in German and English. The editor opens with what visitors read now – the built-in text until
 * staff change it – with one-line fields for headings and short lines and text areas for paragraphs.
 */
@Controller
class AdminPageTextController {

    static final String BASE = "/admin/seitentexte";
    /** The longest heading or short line, and the longest paragraph. */
    static final int LINE_MAX = 300;
    static final int PARAGRAPH_MAX = 4000;

    private final PageTextService texts;
    private final MessageSource messages;

    AdminPageTextController(PageTextService texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    record Row(String key,
               @NotBlank(message = "{platform.validation.required}") @Size(max = PARAGRAPH_MAX, message = "{platform.validation.tooLong}") @PlainInput String de,
               @Size(max = PARAGRAPH_MAX, message = "{platform.validation.tooLong}") @PlainInput String en) {
    }

    record PageTextForm(List<@Valid Row> texts, long version) {

        static PageTextForm of(PageTexts content) {
            return new PageTextForm(content.keys().stream()
                    .map(k -> new Row(k, content.texts().get(k).de(), content.texts().get(k).en())).toList(), content.version());
        }

        PageTextForm withVersion(long current) {
            return new PageTextForm(texts, current);
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("pages", TextPage.values());
        return "admin/content/page-texts-list";
    }

    @GetMapping(BASE + "/{page}")
    String edit(@PathVariable String page, Model model) {
        PageTexts content = texts.content(require(page));
        model.addAttribute("form", PageTextForm.of(content));
        return show(content, model);
    }

    @PostMapping(BASE + "/{page}")
    String save(@PathVariable String page, @Valid @ModelAttribute("form") PageTextForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        TextPage textPage = require(page);
        PageTexts current = texts.content(textPage);
        Map<String, Localized> changed = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        if (form.texts() == null || form.texts().size() > textPage.keys().size()) {
            result.reject("content.pageTexts.incomplete");
        } else {
            for (int i = 0; i < form.texts().size(); i++) {
                Row row = form.texts().get(i);
                if (row == null || row.key() == null || !textPage.keys().contains(row.key()) || !seen.add(row.key())) {
                    result.reject("content.pageTexts.incomplete");
                    break;
                }
                check(current, row.key(), row.de(), "texts[" + i + "].de", Locale.GERMAN, result);
                check(current, row.key(), row.en(), "texts[" + i + "].en", Locale.ENGLISH, result);
                changed.put(row.key(), Localized.of(normalise(row.de()), normalise(row.en())));
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(current, model);
        }
        try {
            texts.save(textPage, changed, form.version());
        } catch (StalePageTextsException e) {
            PageTexts now = texts.content(textPage);
            model.addAttribute("form", form.withVersion(now.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(now, model);
        }
        redirect.addFlashAttribute("success", "content.pageTexts.saved");
        return "redirect:" + BASE + "/" + textPage.path();
    }

    /** What Bean Validation cannot know per row: a heading stays one line and short; placeholders stay. */
    private void check(PageTexts current, String key, String text, String field, Locale locale, BindingResult result) {
        if (text == null || result.hasFieldErrors(field)) {
            return;
        }
        if (current.oneLine(key)) {
            if (!text.matches(EdgeInputFilter.SINGLE_LINE)) {
                result.rejectValue(field, "platform.validation.singleLine");
                return;
            }
            if (text.length() > LINE_MAX) {
                result.rejectValue(field, "platform.validation.tooLong");
                return;
            }
        }
        List<String> missing = texts.missingPlaceholders(key, text, locale);
        if (!missing.isEmpty()) {
            result.rejectValue(field, "content.pageTexts.placeholderMissing", new Object[] {String.join(", ", missing)},
                    "placeholder missing");
        }
    }

    @PostMapping(BASE + "/{page}/zuruecksetzen")
    String reset(@PathVariable String page, RedirectAttributes redirect) {
        TextPage textPage = require(page);
        texts.reset(textPage);
        redirect.addFlashAttribute("success", "content.pageTexts.reset");
        return "redirect:" + BASE + "/" + textPage.path();
    }

    @GetMapping(BASE + "/{page}/versionen")
    String versions(@PathVariable String page, Model model, Locale locale) {
        TextPage textPage = require(page);
        model.addAttribute("title", messages.getMessage("content.pageTexts.pageTitle",
                new Object[] {messages.getMessage(textPage.titleKey(), null, locale)}, locale));
        model.addAttribute("back", BASE + "/" + textPage.path());
        model.addAttribute("versions", texts.versions(textPage));
        return "admin/versions";
    }

    @PostMapping(BASE + "/{page}/versionen/{number}/wiederherstellen")
    String restore(@PathVariable String page, @PathVariable int number, RedirectAttributes redirect) {
        TextPage textPage = require(page);
        if (!texts.restore(textPage, number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE + "/" + textPage.path();
    }

    private static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private String show(PageTexts content, Model model) {
        model.addAttribute("pageTexts", content);
        return "admin/content/page-texts-edit";
    }

    private static TextPage require(String page) {
        return TextPage.ofPath(page).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
