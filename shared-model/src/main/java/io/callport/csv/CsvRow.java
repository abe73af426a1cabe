package io.callport.csv;

/**
 * One record of a metadata file.
 *
 * @param line  the 1-based line it starts on, as a text editor shows it (quoted line breaks count)
 * @param cells its cells, unquoted
 */
public record CsvRow(long line, String[] cells) {

    public int size() {
        return cells.length;
    }

    /** The cell at a 0-based index, or null when the row is too short to have it. */
    public String cell(int index) {
        return index >= 0 && index < cells.length ? cells[index] : null;
    }
}
