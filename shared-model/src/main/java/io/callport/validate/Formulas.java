package io.callport.validate;

/**
 * Spreadsheet formula injection: a cell starting with = + - or @ runs as a formula when the file is opened in a
 * spreadsheet. Numbers such as -12.5 or a phone number like +442079460011 are not formulas and are left alone.
 */
final class Formulas {
    private Formulas() {
    }

    static boolean looksLikeFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && !isPlainNumber(cell, 1);
    }

    private static boolean isPlainNumber(String cell, int start) {
        boolean digits = false;
        boolean point = false;
        for (int i = start; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return digits;
    }
}
