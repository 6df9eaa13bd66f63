package de.stadtportal.content.web;

import de.stadtportal.content.domain.StartPageService;
import de.stadtportal.content.domain.StartPageService.StaleStartPageException;
import de.stadtportal.content.domain.StartPageService.StartPage;
import de.stadtportal.content.domain.StartPageService.StartPageData;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: the start page's introduction, highlights and order of sections. The editor opens with what visitors see now. */
@Controller
class AdminStartPageController {

    static final String BASE = "/admin/startseite";

    private final StartPageService startPage;
    private final org.springframework.context.MessageSource messages;

    AdminStartPageController(StartPageService startPage, org.springframework.context.MessageSource messages) {
        this.startPage = startPage;
        this.messages = messages;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String edit(Model model) {
        model.addAttribute("form", StartPageForm.of(startPage.data()));
        return "admin/content/start-page";
    }

    @PostMapping(BASE)
    String save(@Valid @ModelAttribute("form") StartPageForm form, BindingResult result,
                @org.springframework.web.bind.annotation.RequestParam(name = "vorschau", required = false) String preview, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        form.check(result);
        if (result.hasErrors()) {
            // the errors travel to the padded form, so all six rows show with their messages
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form.withSixRows(), "form");
            errors.addAllErrors(result);
            model.addAttribute("form", errors.getTarget());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/content/start-page";
        }
        if (preview != null) {
            // rendered and cleaned exactly like a saved page; nothing is saved
            StartPageData data = form.data();
            model.addAttribute("preview", new StartPage(Localized.of(RichText.toHtml(data.intro()),
                    data.introEn() == null ? null : RichText.toHtml(data.introEn())), data.highlights(), data.sections()));
            model.addAttribute("english", java.util.Locale.ENGLISH);
            model.addAttribute("form", form.withSixRows());
            return "admin/content/start-page";
        }
        try {
            startPage.save(form.data(), form.version());
        } catch (StaleStartPageException e) {
            StartPageForm kept = form.withSixRows().withVersion(startPage.data().version());
            model.addAttribute("form", kept);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(kept, "form"));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "admin/content/start-page";
        }
        redirect.addFlashAttribute("success", "content.start.saved");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/versionen")
    String versions(Model model, java.util.Locale locale) {
        model.addAttribute("title", messages.getMessage("content.start.admin.title", null, locale));
        model.addAttribute("back", BASE);
        model.addAttribute("versions", startPage.versions());
        return "admin/versions";
    }

    @PostMapping(BASE + "/versionen/{number}/wiederherstellen")
    String restore(@PathVariable int number, RedirectAttributes redirect) {
        if (!startPage.restore(number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE;
    }
}
