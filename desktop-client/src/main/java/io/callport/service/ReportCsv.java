package io.callport.service;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A validation report as a CSV a spreadsheet opens: a byte-order mark so Excel reads it as UTF-8, one row per
 * issue with the same columns as the command line's JSON, and no cell a spreadsheet would run as a formula.
 */
public final class ReportCsv {
    private static final String[] HEADER = {"severity", "code", "file", "line", "column", "value", "message"};
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public void write(ValidationReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().build(out)) {
            out.write('\uFEFF');
            csv.writeRecord(HEADER);
            for (Issue issue : report.issues()) {
                csv.writeRecord(issue.severity().label(), issue.code().name(), inert(issue.file()),
                        issue.line() > 0 ? String.valueOf(issue.line()) : "", inert(issue.column()),
                        inert(issue.value()), inert(issue.message()));
            }
        }
    }

    /** A leading apostrophe keeps a spreadsheet from running the cell, and shows the value as it was. */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
