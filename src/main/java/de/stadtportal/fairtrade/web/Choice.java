package de.stadtportal.fairtrade.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One option of a select or checkbox group. @param label a message key or a plain text (the fragment says which) */
record Choice(String value, String label) {

    /** The constants of an enum, labelled by message keys. */
    static <E extends Enum<E>> List<Choice> of(E[] values, Function<E, String> labelKey) {
        return Arrays.stream(values).map(v -> new Choice(v.name(), labelKey.apply(v))).toList();
    }
}
