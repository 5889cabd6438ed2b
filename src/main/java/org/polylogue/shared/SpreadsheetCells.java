package org.polylogue.shared;

/**
 * Text for a CSV cell that a spreadsheet will not run: a text starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return gets a leading single quote (OWASP's advice against
 * CSV injection). A dash sentence ("- first point") is prefixed too: a spreadsheet cannot tell it
 * from a formula, and a reader drops one quote more easily than a researcher undoes a formula that ran.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {}

    public static String text(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
