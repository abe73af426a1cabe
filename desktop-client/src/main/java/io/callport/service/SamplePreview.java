package io.callport.service;

import io.callport.csv.CsvRow;
import java.util.List;

/**
 * A sample read with one dialect: what the wizard's table shows and what its live validation checks.
 *
 * @param header  the column names: the header row's cells, or "1", "2", ... without a header
 * @param rows    the data rows of the head (the header row excluded), each with the line it starts on
 * @param checked the bytes of the head up to the last complete row, which live validation reads
 * @param problem why the head could not be read to its end (an unclosed quote), or null
 */
public record SamplePreview(List<String> header, List<CsvRow> rows, byte[] checked, String problem) {

    public SamplePreview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The 0-based index of a column name, or -1. */
    public int columnIndex(String column) {
        return column == null ? -1 : header.indexOf(column);
    }
}
