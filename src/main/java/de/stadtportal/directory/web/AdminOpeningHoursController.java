package de.stadtportal.directory.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff edit the opening hours of any listing. */
@Controller
class AdminOpeningHoursController {

    private static final String STAFF = "/admin/unternehmen/{id}/oeffnungszeiten";

    private final OpeningHoursEditor editor;

    AdminOpeningHoursController(OpeningHoursEditor editor) {
        this.editor = editor;
    }

    @GetMapping(STAFF)
    String staffForm(@PathVariable long id, Model model) {
        return editor.form(editor.any(id), model);
    }

    @PostMapping(STAFF)
    String staffSave(@PathVariable long id, @ModelAttribute("form") OpeningHoursEditor.HoursForm form, BindingResult result,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return editor.save(editor.any(id), form, result, model, redirect, response);
    }

    @PostMapping(STAFF + "/ausnahmen")
    String staffException(@PathVariable long id, @ModelAttribute("exception") OpeningHoursEditor.ExceptionForm exception, BindingResult result,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return editor.addException(editor.any(id), exception, result, model, redirect, response);
    }

    @PostMapping(STAFF + "/ausnahmen/{day}/loeschen")
    String staffRemove(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        return editor.removeException(editor.any(id), day, redirect);
    }
}
