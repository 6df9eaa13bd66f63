package de.stadtportal.directory.web;

import java.security.Principal;
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

/** Owners keep the opening hours of their own listing (someone else's is "not found"). */
@Controller
class OwnerOpeningHoursController {

    private static final String OWNER = "/konto/eintraege/{id}/oeffnungszeiten";

    private final OpeningHoursEditor editor;

    OwnerOpeningHoursController(OpeningHoursEditor editor) {
        this.editor = editor;
    }

    @GetMapping(OWNER)
    String ownerForm(@PathVariable long id, Principal principal, Model model) {
        return editor.form(editor.owned(id, principal), model);
    }

    @PostMapping(OWNER)
    String ownerSave(@PathVariable long id, @ModelAttribute("form") OpeningHoursEditor.HoursForm form, BindingResult result, Principal principal,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return editor.save(editor.owned(id, principal), form, result, model, redirect, response);
    }

    @PostMapping(OWNER + "/ausnahmen")
    String ownerException(@PathVariable long id, @ModelAttribute("exception") OpeningHoursEditor.ExceptionForm exception, BindingResult result,
                          Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return editor.addException(editor.owned(id, principal), exception, result, model, redirect, response);
    }

    @PostMapping(OWNER + "/ausnahmen/{day}/loeschen")
    String ownerRemove(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Principal principal, RedirectAttributes redirect) {
        return editor.removeException(editor.owned(id, principal), day, redirect);
    }
}
