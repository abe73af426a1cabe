package io.callport.validate;

import io.callport.csv.CsvRow;
import io.callport.csv.CsvRowSource;
import io.callport.csv.CsvSyntaxException;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.ColumnReference;
import io.callport.mapping.FieldMapping;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A metadata file (CSV, TSV, ...) read row by row with every check of the validator. The Uploader's validator runs
 * on it and the server ingests through it, so a row the Uploader accepts is a row the server accepts, with the
 * same issues. Streams the file: memory stays flat apart from 12 bytes per row to find duplicate references.
 *
 * <p>Opening reads the header (or the first row of a file without one). Problems with the file as a whole are in
 * {@link #fileIssues()}; when one of them is an error the file does not match its mapping and must not be
 * ingested. Each {@link #next()} row carries its own issues and the call fields the mapping reads.
 */
public final class MetadataRows implements Closeable {
    private final FieldMapping mapping;
    private final String file;
    private final CsvRowSource rows;
    private final RecordChecker checker;
    private final Consumer<Issue> fileIssues;
    private final List<Issue> keptFileIssues = new ArrayList<>();
    private final ReferenceIndex references = new ReferenceIndex();
    private List<String> header = List.of();
    private IntFunction<String> columnName;
    private int width;
    private RecordChecker.Bound rules;
    private CsvRow firstDataRow;
    private boolean ended;
    private long dataRows;
    private long malformedAccountedFor;

    MetadataRows(FieldMapping mapping, RecordChecker checker, String file, CsvRowSource rows,
                 Consumer<Issue> fileIssues) throws IOException {
        this.mapping = mapping;
        this.checker = checker;
        this.file = file;
        this.rows = rows;
        this.fileIssues = issue -> {
            keptFileIssues.add(issue);
            fileIssues.accept(issue);
        };
        start();
    }

    /**
     * Opens a metadata file for ingestion. Recording names are not checked against a batch: finding recordings is
     * the caller's work.
     *
     * @param file the file's name as issues should name it
     * @throws IllegalArgumentException when the mapping itself is unusable
     */
    public static MetadataRows open(FieldMapping mapping, Clock clock, String file, InputStream content)
            throws IOException {
        requireUsable(mapping);
        CsvRowSource source = FastCsvRowSource.open(content, mapping.dialect());
        try {
            return new MetadataRows(mapping, new RecordChecker(mapping, clock, null), file, source, issue -> { });
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    static void requireUsable(FieldMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    /** Issues about the file as a whole found so far: emptiness, header, missing columns, unreadable rest. */
    public List<Issue> fileIssues() {
        return List.copyOf(keptFileIssues);
    }

    /** Whether the file matches its mapping so far: no error about the file as a whole. */
    public boolean readable() {
        return keptFileIssues.stream().noneMatch(Issue::isError);
    }

    /** The header's cells; for a file without a header, the column positions "1", "2", ... */
    public List<String> header() {
        return header;
    }

    /** Data rows read so far. */
    public long dataRows() {
        return dataRows;
    }

    /**
     * The next data row with its issues and fields, or null at the end of the file. A quote that never closes ends
     * the file early with a file issue, since nothing after it can be read.
     */
    public CheckedRecord next() throws IOException {
        List<Issue> issues = new ArrayList<>(2);
        CsvRow row = next(issues::add);
        if (row == null) {
            return null;
        }
        return new CheckedRecord(row.line(), Arrays.asList(row.cells()), rules.fields(new RowView(row)), issues);
    }

    /** The next data row, its issues told to {@code issues}; null at the end. */
    CsvRow next(Consumer<Issue> issues) throws IOException {
        if (ended) {
            return null;
        }
        CsvRow row;
        if (firstDataRow != null) {
            row = firstDataRow;
            firstDataRow = null;
        } else {
            row = read();
        }
        if (row == null) {
            ended = true;
            return null;
        }
        dataRows++;
        check(row, issues);
        return row;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private CsvRow read() throws IOException {
        try {
            return rows.next();
        } catch (CsvSyntaxException e) {
            fileIssues.accept(Issue.ofCell(e.code(), file, e.line(), null, null, e.getMessage()));
            return null;
        }
    }

    private void start() throws IOException {
        CsvRow first = read();
        if (first == null) {
            if (keptFileIssues.isEmpty()) {
                fileIssues.accept(Issue.ofFile(IssueCode.FILE_EMPTY, file, file + " has no rows."));
            }
            ended = true;
            return;
        }
        boolean hasHeader = mapping.dialect().header();
        width = first.size();
        header = hasHeader ? List.of(first.cells())
                : IntStream.rangeClosed(1, width).mapToObj(String::valueOf).toList();
        List<String> names = header;
        columnName = index -> index < names.size() ? names.get(index) : String.valueOf(index + 1);
        ColumnPlan plan;
        if (hasHeader) {
            checkEncoding(first, fileIssues);
            checkHeader(first);
            plan = ColumnPlan.resolve(mapping, ColumnReference.byHeader(header));
        } else {
            plan = ColumnPlan.resolve(mapping, ColumnReference.byPosition(width));
            firstDataRow = first;
        }
        reportMissingColumns(plan, first, hasHeader);
        rules = checker.bind(file, plan, columnName);
    }

    private void check(CsvRow row, Consumer<Issue> issues) {
        if (row.size() != width) {
            boolean tooFew = row.size() < width;
            issues.accept(Issue.ofCell(tooFew ? IssueCode.ROW_TOO_FEW_CELLS : IssueCode.ROW_TOO_MANY_CELLS, file,
                    row.line(), null, null, "This row has " + row.size() + " cells but the "
                            + (mapping.dialect().header() ? "header has " : "first row has ") + width
                            + "; check for a missing or extra '" + mapping.dialect().delimiter() + "'."));
        }
        checkEncoding(row, issues);
        RowView view = new RowView(row);
        String reference = rules.check(view, issues);
        if (reference != null) {
            int firstLine = references.putIfAbsent(reference, row.line());
            if (firstLine != 0) {
                String column = columnName.apply(firstColumnHolding(row, reference));
                issues.accept(Issue.ofCell(IssueCode.REFERENCE_DUPLICATE, file, row.line(), column, reference,
                        "The contact reference " + reference + " was already used on line " + firstLine
                                + "; each call needs its own."));
            }
        }
        rules.checkFormulas(view, row.size(), issues);
    }

    private static int firstColumnHolding(CsvRow row, String value) {
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
    private void checkEncoding(CsvRow row, Consumer<Issue> issues) {
        if (rows.malformedSequences() == malformedAccountedFor) {
            return;
        }
        boolean reported = false;
        for (int i = 0; i < row.size(); i++) {
            long replacements = row.cell(i).chars().filter(CsvRowSource::isReplacement).count();
            malformedAccountedFor += replacements;
            if (replacements > 0 && !reported) {
                reported = true;
                issues.accept(Issue.ofCell(IssueCode.ENCODING_INVALID, file, row.line(), columnName.apply(i),
                        row.cell(i), "This cell has bytes that are not valid " + mapping.dialect().encoding()
                                + " text; save the file as " + mapping.dialect().encoding()
                                + " or set the mapping's encoding to the one the file uses."));
            }
        }
    }

    private void checkHeader(CsvRow row) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = row.cell(i).strip();
            String position = String.valueOf(i + 1);
            if (name.isEmpty()) {
                fileIssues.accept(Issue.ofCell(IssueCode.HEADER_BLANK, file, row.line(), position, null,
                        "Column " + position + " has no name in the header."));
                continue;
            }
            Integer previous = seen.putIfAbsent(name, i);
            if (previous != null) {
                fileIssues.accept(Issue.ofCell(IssueCode.HEADER_DUPLICATE, file, row.line(), name, name,
                        "The header names '" + name + "' twice (columns " + (previous + 1) + " and " + position
                                + "); give each column its own name."));
            }
        }
    }

    private void reportMissingColumns(ColumnPlan plan, CsvRow first, boolean hasHeader) {
        for (String column : plan.missing()) {
            fileIssues.accept(Issue.ofCell(IssueCode.COLUMN_MISSING, file, first.line(), column, null, hasHeader
                    ? "The mapping uses the column '" + column + "', which is not in the header."
                    : "The mapping uses column " + column + ", but the first row has only " + width + " cells."));
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
