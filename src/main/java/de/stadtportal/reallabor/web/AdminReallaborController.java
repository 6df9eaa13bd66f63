package de.stadtportal.reallabor.web;

import java.util.List;
import java.util.Locale;

import de.stadtportal.platform.Localized;
import de.stadtportal.reallabor.domain.LiveOffer;
import de.stadtportal.reallabor.domain.Reallabor;
import de.stadtportal.reallabor.domain.ReallaborCatalog;
import de.stadtportal.reallabor.domain.ReallaborCatalog.Kind;
import de.stadtportal.reallabor.domain.ReallaborCatalog.NameTakenException;
import de.stadtportal.reallabor.domain.ReallaborEditing;
import de.stadtportal.reallabor.domain.ReallaborEditing.MeasureEdit;
import de.stadtportal.reallabor.domain.StaleVersionException;
import de.stadtportal.reallabor.web.ReallaborForms.MeasureForm;
import de.stadtportal.reallabor.web.ReallaborForms.NameForm;
import de.stadtportal.reallabor.web.ReallaborForms.Option;
import de.stadtportal.reallabor.web.ReallaborForms.ReallaborForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

/**
 * Staff: the Reallabore, their measures, actors and megatrends, with versions and restore. Over 300 lines:
 * the measure form (results, links, actors as rows) is converted here, page by page; the editing is in domain/.
 */
@Controller
class AdminReallaborController {

    static final String BASE = "/admin/reallabore";

    private final ReallaborEditing editing;
    private final ReallaborCatalog catalog;
    private final MessageSource messages;

    AdminReallaborController(ReallaborEditing editing, ReallaborCatalog catalog, MessageSource messages) {
        this.editing = editing;
        this.catalog = catalog;
        this.messages = messages;
    }

    @InitBinder({"form", "nameForm"})
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("reallabore", editing.all());
        return "admin/reallabor/list";
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        Reallabor reallabor = require(id);
        model.addAttribute("form", ReallaborForm.of(reallabor.text(), reallabor.getVersion()));
        return showReallabor(reallabor, model);
    }

    @PostMapping(BASE + "/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") ReallaborForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Reallabor reallabor = require(id);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showReallabor(reallabor, model);
        }
        try {
            editing.change(id, form.version(), form.text());
        } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
            Reallabor current = require(id);
            model.addAttribute("form", form.withVersion(current.getVersion()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return showReallabor(current, model);
        }
        redirect.addFlashAttribute("success", "reallabor.admin.saved");
        return "redirect:" + BASE + "/" + id;
    }

    private String showReallabor(Reallabor reallabor, Model model) {
        model.addAttribute("reallabor", reallabor);
        return "admin/reallabor/edit";
    }

    @GetMapping(BASE + "/{id}/versionen")
    String reallaborVersions(@PathVariable long id, Model model) {
        Reallabor reallabor = require(id);
        model.addAttribute("title", reallabor.getTitle());
        model.addAttribute("back", BASE + "/" + id);
        model.addAttribute("versions", editing.versions(ReallaborEditing.REALLABOR, id));
        return "admin/versions";
    }

    @PostMapping(BASE + "/{id}/versionen/{number}/wiederherstellen")
    String restoreReallabor(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        require(id);
        if (!editing.restore(ReallaborEditing.REALLABOR, id, number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "reallabor.admin.restored");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/massnahmen/neu")
    String newMeasure(@PathVariable long id, Model model, Locale locale) {
        Reallabor reallabor = require(id);
        model.addAttribute("form", MeasureForm.empty());
        return showMeasure(null, reallabor.getId(), reallabor.getTitle(), model, locale);
    }

    @PostMapping(BASE + "/{id}/massnahmen/neu")
    String createMeasure(@PathVariable long id, @Valid @ModelAttribute("form") MeasureForm form, BindingResult result,
                         Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Reallabor reallabor = require(id);
        form.check(result);
        if (result.hasErrors()) {
            showWithErrors(model, form.withEmptyRows(), result);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showMeasure(null, id, reallabor.getTitle(), model, locale);
        }
        long measureId = editing.createMeasure(id, form.data());
        redirect.addFlashAttribute("success", "reallabor.admin.saved");
        return "redirect:" + BASE + "/massnahmen/" + measureId;
    }

    @GetMapping(BASE + "/massnahmen/{id}")
    String editMeasure(@PathVariable long id, Model model, Locale locale) {
        MeasureEdit measure = requireMeasure(id);
        model.addAttribute("form", MeasureForm.of(measure.data(), measure.version()));
        return showMeasure(measure, measure.reallaborId(), measure.reallaborTitle(), model, locale);
    }

    @PostMapping(BASE + "/massnahmen/{id}")
    String saveMeasure(@PathVariable long id, @Valid @ModelAttribute("form") MeasureForm form, BindingResult result,
                       Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        MeasureEdit measure = requireMeasure(id);
        form.check(result);
        if (result.hasErrors()) {
            showWithErrors(model, form.withEmptyRows(), result);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showMeasure(measure, measure.reallaborId(), measure.reallaborTitle(), model, locale);
        }
        try {
            editing.changeMeasure(id, form.version(), form.data());
        } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
            MeasureEdit current = requireMeasure(id);
            model.addAttribute("form", form.withVersion(current.version()).withEmptyRows());
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return showMeasure(current, current.reallaborId(), current.reallaborTitle(), model, locale);
        }
        redirect.addFlashAttribute("success", "reallabor.admin.saved");
        return "redirect:" + BASE + "/massnahmen/" + id;
    }

    @PostMapping(BASE + "/massnahmen/{id}/hoch")
    String up(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, true, redirect);
    }

    @PostMapping(BASE + "/massnahmen/{id}/runter")
    String down(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, false, redirect);
    }

    private String move(long id, boolean up, RedirectAttributes redirect) {
        requireMeasure(id);
        redirect.addFlashAttribute("success", editing.move(id, up) ? "reallabor.admin.moved" : "reallabor.admin.notMoved");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/massnahmen/{id}/loeschen")
    String deleteMeasure(@PathVariable long id, RedirectAttributes redirect) {
        requireMeasure(id);
        editing.deleteMeasure(id);
        redirect.addFlashAttribute("success", "reallabor.admin.deleted");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/massnahmen/{id}/versionen")
    String measureVersions(@PathVariable long id, Model model) {
        MeasureEdit measure = requireMeasure(id);
        model.addAttribute("title", measure.data().title());
        model.addAttribute("back", BASE + "/massnahmen/" + id);
        model.addAttribute("versions", editing.versions(ReallaborEditing.MEASURE, id));
        return "admin/versions";
    }

    @PostMapping(BASE + "/massnahmen/{id}/versionen/{number}/wiederherstellen")
    String restoreMeasure(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        requireMeasure(id);
        if (!editing.restore(ReallaborEditing.MEASURE, id, number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "reallabor.admin.restored");
        return "redirect:" + BASE + "/massnahmen/" + id;
    }

    private String showMeasure(MeasureEdit measure, long reallaborId, String reallaborTitle, Model model, Locale locale) {
        model.addAttribute("measure", measure);
        model.addAttribute("reallaborId", reallaborId);
        model.addAttribute("reallaborTitle", reallaborTitle);
        model.addAttribute("actorOptions", editing.actors().stream()
                .map(a -> option(String.valueOf(a.getId()), Localized.of(a.getName(), a.getNameEn()), locale)).toList());
        model.addAttribute("megatrendOptions", editing.megatrends().stream()
                .map(t -> option(String.valueOf(t.getId()), Localized.of(t.getName(), t.getNameEn()), locale)).toList());
        model.addAttribute("sdgOptions", editing.sdgs().stream().map(s -> new Option(String.valueOf(s.getNumber()),
                "SDG " + s.getNumber() + ": " + ("en".equals(locale.getLanguage()) ? s.getTitleEn() : s.getTitleDe()), null))
                .toList());
        model.addAttribute("offerOptions", java.util.Arrays.stream(LiveOffer.values()).map(o -> new Option(o.name(),
                messages.getMessage(o.messageKey(), null, locale) + " (" + o.path() + ")", null)).toList());
        return "admin/reallabor/measure";
    }

    private static Option option(String value, Localized label, Locale locale) {
        return new Option(value, label.in(locale), label.lang(locale));
    }

    @GetMapping(BASE + "/verzeichnisse")
    String catalog(Model model) {
        model.addAttribute("actors", editing.actors());
        model.addAttribute("megatrends", editing.megatrends());
        return "admin/reallabor/catalog";
    }

    @GetMapping(BASE + "/verzeichnisse/{kind}/neu")
    String newName(@PathVariable String kind, Model model) {
        model.addAttribute("nameForm", new NameForm(null, null));
        return showName(kind(kind), null, model);
    }

    @PostMapping(BASE + "/verzeichnisse/{kind}/neu")
    String create(@PathVariable String kind, @Valid @ModelAttribute("nameForm") NameForm form, BindingResult result,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveName(kind(kind), null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/verzeichnisse/{kind}/{id}")
    String editName(@PathVariable String kind, @PathVariable long id, Model model) {
        Kind k = kind(kind);
        NameForm form = (k == Kind.ACTOR
                ? editing.actors().stream().filter(a -> a.getId() == id).map(a -> new NameForm(a.getName(), a.getNameEn()))
                : editing.megatrends().stream().filter(t -> t.getId() == id).map(t -> new NameForm(t.getName(), t.getNameEn())))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("nameForm", form);
        return showName(k, id, model);
    }

    @PostMapping(BASE + "/verzeichnisse/{kind}/{id}")
    String rename(@PathVariable String kind, @PathVariable long id, @Valid @ModelAttribute("nameForm") NameForm form,
                  BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveName(kind(kind), id, form, result, model, response, redirect);
    }

    private String saveName(Kind kind, Long id, NameForm form, BindingResult result, Model model,
                            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                if (!catalog.save(kind, id, form.name(), form.nameEn())) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                redirect.addFlashAttribute("success", "reallabor.admin.saved");
                return "redirect:" + BASE + "/verzeichnisse";
            } catch (NameTakenException e) {
                result.rejectValue("name", "reallabor.admin.nameTaken");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return showName(kind, id, model);
    }

    private String showName(Kind kind, Long id, Model model) {
        model.addAttribute("kind", kind == Kind.ACTOR ? "akteure" : "megatrends");
        model.addAttribute("nameId", id);
        return "admin/reallabor/name";
    }

    private static Kind kind(String path) {
        return switch (path) {
            case "akteure" -> Kind.ACTOR;
            case "megatrends" -> Kind.MEGATREND;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private Reallabor require(long id) {
        return editing.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private MeasureEdit requireMeasure(long id) {
        return editing.measure(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Shows another form object (the same input with empty rows to fill in) with the errors of the
     * bound one. Replacing the model attribute alone would drop its BindingResult, and with it
     * every message next to a field.
     */
    private static void showWithErrors(Model model, Object form, BindingResult result) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        errors.addAllErrors(result);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    }
}
