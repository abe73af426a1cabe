package io.callport.csv;

import java.util.List;

/**
 * Whether the first row of a sample names the columns. Names are text; data rows hold numbers, dates, emails and
 * file names. A first row made of such values is data; a first row of plain words above columns of numbers or
 * dates is a header.
 */
final class HeaderGuess {
    private HeaderGuess() {
    }

    static boolean isHeader(List<CsvRow> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        CsvRow first = rows.getFirst();
        for (String cell : first.cells()) {
            if (cell.isBlank() || looksLikeValue(cell)) {
                return false;
            }
        }
        if (rows.size() == 1) {
            return true;
        }
        for (int column = 0; column < first.size(); column++) {
            if (columnHoldsValues(rows, column)) {
                return true;
            }
        }
        return firstRowNeverRepeats(rows);
    }

    /** Typed data rather than a name: a number, a date, an email address or a file name. */
    static boolean looksLikeValue(String cell) {
        String text = cell.strip();
        return ValueShapes.isNumber(text) || ValueShapes.isDateLike(text) || text.contains("@")
                || ValueShapes.hasFileExtension(text);
    }

    private static boolean columnHoldsValues(List<CsvRow> rows, int column) {
        long values = rows.stream().skip(1).map(row -> row.cell(column))
                .filter(cell -> cell != null && looksLikeValue(cell)).count();
        return values * 2 > rows.size() - 1;
    }

    private static boolean firstRowNeverRepeats(List<CsvRow> rows) {
        CsvRow first = rows.getFirst();
        for (int column = 0; column < first.size(); column++) {
            String name = first.cell(column);
            int index = column;
            if (rows.stream().skip(1).anyMatch(row -> name.equals(row.cell(index)))) {
                return false;
            }
        }
        return true;
    }
}
