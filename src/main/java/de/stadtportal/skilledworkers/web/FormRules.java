package de.stadtportal.skilledworkers.web;

import org.springframework.validation.BindingResult;

/** What the forms of this feature share (one line is {@code EdgeInputFilter.SINGLE_LINE}, as everywhere). */
final class FormRules {

    /** A longer text: line breaks and tabs, but no other control character (NUL and the like). */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private FormRules() {
    }

    /**
     * One of an enum's values, chosen in a form. Forms keep choices as text, so an unknown value comes back
     * next to its field with everything else typed, instead of failing the whole binding.
     */
    static <E extends Enum<E>> E choice(Class<E> type, String value, BindingResult result, String field) {
        if (value != null && !value.isBlank()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        if (!result.hasFieldErrors(field)) {
            result.rejectValue(field, "skilledworkers.validation.choose");
        }
        return null;
    }

    /** An id or version sent by a form; null (and a field error) when it is not a number. */
    static Long number(String value, BindingResult result, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.matches("\\d{1,18}")) {
            return Long.valueOf(value);
        }
        if (!result.hasFieldErrors(field)) {
            result.rejectValue(field, "typeMismatch");
        }
        return null;
    }

    /** The version a form was loaded with; a missing or tampered one is a form error. */
    static long version(String value, BindingResult result) {
        Long version = value == null || !value.matches("\\d{1,18}") ? null : Long.valueOf(value);
        if (version == null) {
            result.reject("skilledworkers.validation.version");
            return -1;
        }
        return version;
    }

    /** Line breaks as \n, no blank lines at start or end; the form of a text that is stored and counted. */
    static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
