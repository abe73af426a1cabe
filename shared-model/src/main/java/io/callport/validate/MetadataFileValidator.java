package io.callport.validate;

import io.callport.csv.CsvRow;
import io.callport.csv.CsvRowSource;
import io.callport.csv.CsvSyntaxException;
import io.callport.mapping.ColumnReference;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Validates one metadata file (CSV, TSV, ...) against a mapping, streaming it row by row: memory stays flat
 * whatever the file's size, apart from 12 bytes per row to find duplicate contact references.
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
        try (CsvRowSource rows = rowSources.open(content, mapping.dialect())) {
            return new Pass(file, rows, issues).run();
        }
    }

    /** The state of reading one file. */
    private final class Pass {
        private final String file;
        private final CsvRowSource rows;
        private final IssueCollector issues;
        private final ReferenceIndex references = new ReferenceIndex();
        private long malformedAccountedFor;

        Pass(String file, CsvRowSource rows, IssueCollector issues) {
            this.file = file;
            this.rows = rows;
            this.issues = issues;
        }

        long run() throws IOException {
            long dataRows = 0;
            try {
                CsvRow first = rows.next();
                if (first == null) {
                    issues.add(Issue.ofFile(IssueCode.FILE_EMPTY, file, file + " has no rows."));
                    return 0;
                }
                boolean header = mapping.dialect().header();
                List<String> names = header ? List.of(first.cells()) : List.of();
                IntFunction<String> columnName = index -> index < names.size() ? names.get(index)
                        : String.valueOf(index + 1);
                int width = first.size();
                ColumnPlan plan;
                if (header) {
                    checkEncoding(first, columnName);
                    checkHeader(first);
                    plan = ColumnPlan.resolve(mapping, ColumnReference.byHeader(names));
                } else {
                    plan = ColumnPlan.resolve(mapping, ColumnReference.byPosition(width));
                }
                reportMissingColumns(plan, first, width, header);
                RecordChecker.Bound rules = checker.bind(file, plan, columnName);
                for (CsvRow row = header ? rows.next() : first; row != null; row = rows.next()) {
                    dataRows++;
                    checkRow(row, width, rules, columnName);
                }
            } catch (CsvSyntaxException e) {
                issues.add(Issue.ofCell(e.code(), file, e.line(), null, null, e.getMessage()));
            }
            if (dataRows > Limits.CSV_SPLIT_ROWS) {
                issues.add(Issue.ofFile(IssueCode.FILE_SPLIT, file, file + " has " + dataRows
                        + " rows; the server processes it in parts of " + Limits.CSV_SPLIT_ROWS + " rows, in order."));
            }
            return dataRows;
        }

        private void checkRow(CsvRow row, int width, RecordChecker.Bound rules, IntFunction<String> columnName) {
            if (row.size() != width) {
                boolean tooFew = row.size() < width;
                issues.add(Issue.ofCell(tooFew ? IssueCode.ROW_TOO_FEW_CELLS : IssueCode.ROW_TOO_MANY_CELLS, file,
                        row.line(), null, null, "This row has " + row.size() + " cells but the "
                                + (mapping.dialect().header() ? "header has " : "first row has ") + width
                                + "; check for a missing or extra '" + mapping.dialect().delimiter() + "'."));
            }
            checkEncoding(row, columnName);
            RowView view = new RowView(row);
            String reference = rules.check(view, issues);
            if (reference != null) {
                int firstLine = references.putIfAbsent(reference, row.line());
                if (firstLine != 0) {
                    String column = columnName.apply(firstColumnHolding(row, reference));
                    issues.add(Issue.ofCell(IssueCode.REFERENCE_DUPLICATE, file, row.line(), column, reference,
                            "The contact reference " + reference + " was already used on line " + firstLine
                                    + "; each call needs its own."));
                }
            }
            rules.checkFormulas(view, row.size(), issues);
        }

        private int firstColumnHolding(CsvRow row, String value) {
            for (int i = 0; i < row.size(); i++) {
                if (value.equals(row.cell(i))) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Looks for replaced bytes only while the decoder has reported some not yet found in a row, so the common
         * case costs one comparison. The decoder reads ahead, so they may show up in a later row than reported.
         */
        private void checkEncoding(CsvRow row, IntFunction<String> columnName) {
            if (rows.malformedSequences() == malformedAccountedFor) {
                return;
            }
            boolean reported = false;
            for (int i = 0; i < row.size(); i++) {
                long replacements = row.cell(i).chars().filter(CsvRowSource::isReplacement).count();
                malformedAccountedFor += replacements;
                if (replacements > 0 && !reported) {
                    reported = true;
                    issues.add(Issue.ofCell(IssueCode.ENCODING_INVALID, file, row.line(), columnName.apply(i),
                            row.cell(i), "This cell has bytes that are not valid " + mapping.dialect().encoding()
                                    + " text; save the file as " + mapping.dialect().encoding()
                                    + " or set the mapping's encoding to the one the file uses."));
                }
            }
        }

        private void checkHeader(CsvRow header) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.cell(i).strip();
                String position = String.valueOf(i + 1);
                if (name.isEmpty()) {
                    issues.add(Issue.ofCell(IssueCode.HEADER_BLANK, file, header.line(), position, null,
                            "Column " + position + " has no name in the header."));
                    continue;
                }
                Integer previous = seen.putIfAbsent(name, i);
                if (previous != null) {
                    issues.add(Issue.ofCell(IssueCode.HEADER_DUPLICATE, file, header.line(), name, name,
                            "The header names '" + name + "' twice (columns " + (previous + 1) + " and " + position
                                    + "); give each column its own name."));
                }
            }
        }

        private void reportMissingColumns(ColumnPlan plan, CsvRow first, int width, boolean header) {
            for (String column : plan.missing()) {
                issues.add(Issue.ofCell(IssueCode.COLUMN_MISSING, file, first.line(), column, null, header
                        ? "The mapping uses the column '" + column + "', which is not in the header."
                        : "The mapping uses column " + column + ", but the first row has only " + width + " cells."));
            }
        }
    }

    /** A CSV row seen as a record: every cell is on the line the row starts on. */
    private record RowView(CsvRow row) implements RecordView {
        @Override
        public String value(int column) {
            return row.cell(column);
        }

        @Override
        public long line(int column) {
            return row.line();
        }
    }
}
