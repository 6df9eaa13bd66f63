package de.stadtportal.reallabor.web;

import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlainInput;
import de.stadtportal.platform.web.EdgeInputFilter;
import de.stadtportal.reallabor.domain.ReallaborOverviewPage;
import de.stadtportal.reallabor.domain.ReallaborOverviewPage.Data;
import de.stadtportal.reallabor.domain.ReallaborOverviewPage.Texts;
import de.stadtportal.reallabor.domain.StaleVersionException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

/** Staff: the heading and introduction of /reallabore, with versions and restore. The editor opens with what visitors see now. */
@Controller
class AdminReallaborOverviewController {

    static final String BASE = AdminReallaborController.BASE + "/uebersicht";

    private final ReallaborOverviewPage page;
    private final MessageSource messages;

    AdminReallaborOverviewController(ReallaborOverviewPage page, MessageSource messages) {
        this.page = page;
        this.messages = messages;
    }

    /** The editor: headings one line, the introduction Markdown; German required, English optional. */
    record OverviewForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String heading,
            @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
            @PlainInput String headingEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String intro,
            @Size(max = 5000, message = "{platform.validation.tooLong}") @PlainInput String introEn,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String listHeading,
            @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
            @PlainInput String listHeadingEn,
            long version) {

        static OverviewForm of(Data data) {
            Texts t = data.texts();
            return new OverviewForm(t.heading().de(), t.heading().en(), t.intro().de(), t.intro().en(), t.listHeading().de(),
                    t.listHeading().en(), data.version());
        }

        OverviewForm withVersion(long current) {
            return new OverviewForm(heading, headingEn, intro, introEn, listHeading, listHeadingEn, current);
        }

        Texts texts() {
            return new Texts(Localized.of(heading, headingEn), Localized.of(lines(intro), lines(introEn)),
                    Localized.of(listHeading, listHeadingEn));
        }

        private static String lines(String text) {
            return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String edit(Model model) {
        model.addAttribute("form", OverviewForm.of(page.data()));
        return "admin/reallabor/overview-page";
    }

    @PostMapping(BASE)
    String save(@Valid @ModelAttribute("form") OverviewForm form, BindingResult result, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/reallabor/overview-page";
        }
        try {
            page.save(form.texts(), form.version());
        } catch (StaleVersionException e) {
            model.addAttribute("form", form.withVersion(page.data().version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "admin/reallabor/overview-page";
        }
        redirect.addFlashAttribute("success", "reallabor.admin.saved");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/versionen")
    String versions(Model model, java.util.Locale locale) {
        model.addAttribute("title", messages.getMessage("reallabor.overviewPage.title", null, locale));
        model.addAttribute("back", BASE);
        model.addAttribute("versions", page.versions());
        return "admin/versions";
    }

    @PostMapping(BASE + "/versionen/{number}/wiederherstellen")
    String restore(@PathVariable int number, RedirectAttributes redirect) {
        if (!page.restore(number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "reallabor.admin.restored");
        return "redirect:" + BASE;
    }
}
