package de.stadtportal.handwerk.web;

import de.stadtportal.handwerk.domain.PortraitService;
import de.stadtportal.handwerk.domain.PortraitService.Portrait;
import de.stadtportal.handwerk.domain.PortraitService.PortraitData;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.dao.DuplicateKeyException;
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

/** Staff: the portraits of "Gesichter des Handwerks" on /handwerk – list, create, edit, delete. */
@Controller
class AdminPortraitController {

    static final String BASE = "/admin/handwerk/portraets";

    private final PortraitService portraits;

    AdminPortraitController(PortraitService portraits) {
        this.portraits = portraits;
    }

    /** Everything as text, so a wrong entry comes back next to its field. The text's length is checked after normalising. */
    record PortraitForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") String name,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}") String trade,
            @NotBlank(message = "{platform.validation.required}") String text,
            @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{handwerk.portraits.form.slugFormat}") String directorySlug,
            @Pattern(regexp = "\\d{1,4}", message = "{handwerk.portraits.form.position}") String position,
            Boolean published) {

        static PortraitForm of(Portrait p) {
            return new PortraitForm(p.name(), p.trade(), p.text(), p.directorySlug(), String.valueOf(p.position()), p.published());
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("portraits", portraits.all());
        return "admin/handwerk/portraits";
    }

    @GetMapping(BASE + "/neu")
    String create(Model model) {
        model.addAttribute("form", new PortraitForm(null, null, null, null, "0", false));
        return show(null, model);
    }

    @PostMapping(BASE + "/neu")
    String create(@Valid @ModelAttribute("form") PortraitForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return save(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        Portrait portrait = require(id);
        model.addAttribute("form", PortraitForm.of(portrait));
        return show(portrait, model);
    }

    @PostMapping(BASE + "/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") PortraitForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        require(id);
        return save(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/{id}/loeschen")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        if (!portraits.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "handwerk.portraits.deleted");
        return "redirect:" + BASE;
    }

    private String save(Long id, PortraitForm form, BindingResult result, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        String text = PortraitService.normalise(form.text());
        if (text != null && text.length() > PortraitService.MAX_TEXT && !result.hasFieldErrors("text")) {
            result.rejectValue("text", "handwerk.portraits.form.textTooLong", new Object[] {PortraitService.MAX_TEXT, text.length()}, null);
        }
        if (form.directorySlug() != null && !result.hasFieldErrors("directorySlug")
                && !portraits.listingPublished(form.directorySlug())) {
            result.rejectValue("directorySlug", "handwerk.portraits.form.slugUnknown");
        }
        if (form.name() != null && form.trade() != null && !result.hasFieldErrors("name") && !result.hasFieldErrors("trade")
                && portraits.taken(form.name(), form.trade(), id)) {
            result.rejectValue("name", "handwerk.portraits.form.taken");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id == null ? null : require(id), model);
        }
        long saved;
        try {
            saved = portraits.save(id, new PortraitData(form.name(), form.trade(), text, form.directorySlug(),
                    form.position() == null ? 0 : Integer.parseInt(form.position()), Boolean.TRUE.equals(form.published())));
        } catch (DuplicateKeyException e) {
            // the same name and Gewerk saved by someone else a moment ago
            result.rejectValue("name", "handwerk.portraits.form.taken");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id == null ? null : require(id), model);
        }
        redirect.addFlashAttribute("success", "handwerk.portraits.saved");
        return "redirect:" + BASE + "/" + saved;
    }

    private String show(Portrait portrait, Model model) {
        model.addAttribute("portrait", portrait);
        model.addAttribute("maxText", PortraitService.MAX_TEXT);
        return "admin/handwerk/portrait";
    }

    private Portrait require(long id) {
        return portraits.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
