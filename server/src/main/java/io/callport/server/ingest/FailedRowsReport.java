package io.callport.server.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.callport.csv.CsvRow;
import io.callport.csv.CsvRowSource;
import io.callport.csv.CsvSyntaxException;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.CsvDialect;
import io.callport.server.store.CsvRowRepository;
import io.callport.server.store.IngestFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a metadata file's failed and skipped rows to {@code failed/<name>-failed-rows.<ext>} beside it: the same
 * dialect, the same header and cells, and one more column, {@value #REASON_COLUMN}, with each row's issue codes and
 * messages. The admin fixes those rows and sends the file again; the extra column is not mapped, so it is ignored.
 * The report is written from the recorded outcomes, so writing it again (after a crash, or when more rows failed
 * later) gives the same file; it is deleted when no row is refused any more.
 */
final class FailedRowsReport {
    static final String REASON_COLUMN = "callport_error";
    private static final Logger LOG = LoggerFactory.getLogger(FailedRowsReport.class);

    private final LandedFiles landed;
    private final CsvRowRepository rows;

    FailedRowsReport(LandedFiles landed, CsvRowRepository rows) {
        this.landed = landed;
        this.rows = rows;
    }

    /** Writes (or removes) the report of a metadata file in its final status. */
    void write(IngestFile file, CsvDialect dialect) {
        Path report = landed.failedRowsReport(file);
        try {
            Map<Long, String> refused = rows.refusedRows(file.id());
            Optional<Path> source = landed.current(file);
            if (refused.isEmpty() || source.isEmpty()) {
                Files.deleteIfExists(report);
                return;
            }
            Files.createDirectories(report.getParent());
            Path partial = report.resolveSibling("." + report.getFileName() + ".part");
            try (InputStream in = Files.newInputStream(source.get());
                 CsvRowSource csv = FastCsvRowSource.open(in, dialect);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial),
                         dialect.charset()))) {
                copyRefused(file, dialect, refused, csv, out);
            } catch (CsvSyntaxException e) {
                // the rows after an unclosed quote were never read, so none of them is in the report
                LOG.atDebug().addKeyValue("file", file.path()).log("failed-rows report stops at a syntax error");
            }
            Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("file", file.path()).addKeyValue("error", e.getMessage())
                    .log("the failed-rows report could not be written");
        }
    }

    private static void copyRefused(IngestFile file, CsvDialect dialect, Map<Long, String> refused, CsvRowSource csv,
                                    Writer out) throws IOException, CsvSyntaxException {
        // the mapping skips this many lines before the header; the report keeps the count with a title line
        for (int i = 0; i < dialect.skipRows(); i++) {
            out.write(i == 0 ? "Rows of " + file.name() + " that Callport could not take in" : "");
            out.write('\n');
        }
        CsvWriter writer = CsvWriter.builder().fieldSeparator(dialect.delimiterChar())
                .quoteCharacter(dialect.quoteChar()).lineDelimiter(LineDelimiter.LF).build(out);
        CsvRow row = csv.next();
        if (row != null && dialect.header()) {
            writer.writeRecord(with(row, REASON_COLUMN));
            row = csv.next();
        }
        for (; row != null; row = csv.next()) {
            String reason = refused.get(row.line());
            if (reason != null) {
                writer.writeRecord(with(row, reason));
            }
        }
        writer.flush();
    }

    private static List<String> with(CsvRow row, String extra) {
        List<String> cells = new ArrayList<>(Arrays.asList(row.cells()));
        cells.add(extra);
        return cells;
    }
}
