package de.stadtportal.platform;

import java.util.Arrays;

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @, a tab or a carriage
 * return as a formula ({@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0}). Every CSV the portal
 * writes passes its cells through here; such a cell gets a leading apostrophe, which spreadsheets
 * show as text and do not print.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** The text as a cell no spreadsheet runs; other values (numbers, booleans, null) unchanged. */
    public static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** A whole record, for {@code CSVPrinter.printRecord(Csv.cells(...))}. */
    public static Object[] cells(Object... values) {
        return Arrays.stream(values).map(Csv::cell).toArray();
    }

    /** Reading a CSV the portal wrote: the apostrophe {@link #cell} added goes again. */
    public static String uncell(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
