package io.callport.validate;

import io.callport.csv.CsvRowSource;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import java.io.IOException;
import java.io.InputStream;

/**
 * Validates one metadata file (CSV, TSV, ...) against a mapping, streaming it row by row through
 * {@link MetadataRows}, the reader the server ingests with.
 */
final class MetadataFileValidator {

    /** Opens a row source; FastCSV in production, other parsers in the benchmark that chose it. */
    @FunctionalInterface
    interface RowSourceFactory {
        CsvRowSource open(InputStream in, CsvDialect dialect) throws IOException;
    }

    private final FieldMapping mapping;
    private final RecordChecker checker;
    private final RowSourceFactory rowSources;

    MetadataFileValidator(FieldMapping mapping, RecordChecker checker, RowSourceFactory rowSources) {
        this.mapping = mapping;
        this.checker = checker;
        this.rowSources = rowSources;
    }

    /** Validates the file and returns how many data rows it has. */
    long validate(String file, InputStream content, IssueCollector issues) throws IOException {
        try (MetadataRows rows = new MetadataRows(mapping, checker, file, rowSources.open(content, mapping.dialect()),
                issues::add)) {
            while (rows.next(issues::add) != null) {
                // each row's issues go straight to the collector
            }
            if (rows.dataRows() > Limits.CSV_SPLIT_ROWS) {
                issues.add(Issue.ofFile(IssueCode.FILE_SPLIT, file, file + " has " + rows.dataRows()
                        + " rows; the server processes it in parts of " + Limits.CSV_SPLIT_ROWS + " rows, in order."));
            }
            return rows.dataRows();
        }
    }
}
