package de.stadtportal.fairtrade.web;

import java.util.function.Supplier;

import de.stadtportal.fairtrade.domain.StaleException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What every Fairtrade form shares: allowed characters, and the answer to invalid, stale or duplicate input. */
final class FormPatterns {

    // one line: EdgeInputFilter.SINGLE_LINE, the portal's one rule for it
    /** Several lines, no other control characters. */
    static final String TEXT = "(?:[^\\p{Cntrl}]|\\r|\\n)*";
    /** An absolute web address. */
    static final String URL = "https?://[^\\s\\p{Cntrl}<>\"]+";

    private FormPatterns() {
    }

    /**
     * Saves unless the input is invalid; the form page comes back with the input and a 400 (invalid),
     * 409 (someone else saved meanwhile) or 400 with the message next to {@code uniqueField} (taken).
     *
     * @return the view: the redirect after saving, or the form page
     */
    static String save(BindingResult result, Model model, HttpServletResponse response, String uniqueField,
                       Supplier<String> form, Supplier<String> save) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form.get();
        }
        try {
            return save.get();
        } catch (StaleException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return form.get();
        } catch (DuplicateKeyException e) {
            result.rejectValue(uniqueField, "fairtrade.form.taken");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form.get();
        }
    }
}
