package de.stadtportal.platform;

/** Cells of CSV files staff open in a spreadsheet program. */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    public static String neutralise(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
