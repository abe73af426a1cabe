package io.callport.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.callport.mapping.CsvDialect;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads metadata files with FastCSV, which met the validator's speed goal where commons-csv did not
 * ({@code docs/decisions.md}). Rows of any width are returned as they are: counting cells is the validator's job.
 */
public final class FastCsvRowSource implements CsvRowSource {
    /** Largest cell accepted; a real metadata cell is a few hundred characters, so this only stops runaway quotes. */
    static final int MAX_CELL_CHARS = 1024 * 1024;
    /**
     * Most cells a row may have. Real metadata files have tens of columns; without a bound, a file of a few MB of
     * delimiters would make one row of millions of cells and fill the heap.
     */
    static final int MAX_ROW_CELLS = 10_000;
    /** Most characters a row's cells may hold together, for the same reason: each cell alone is within its bound. */
    static final int MAX_ROW_CHARS = MAX_CELL_CHARS;
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d+)");

    private final DecodingReader text;
    private final CsvReader<CsvRow> reader;
    private final Iterator<CsvRow> rows;

    private FastCsvRowSource(DecodingReader text, CsvDialect dialect) {
        this.text = text;
        this.reader = CsvReader.builder()
                .fieldSeparator(dialect.delimiterChar())
                .quoteCharacter(dialect.quoteChar())
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(true)
                .maxBufferSize(MAX_CELL_CHARS)
                .build(new RowHandler(), text);
        this.rows = skipTitleLines(reader, dialect.skipRows()) ? reader.iterator() : Collections.emptyIterator();
    }

    /** Skips the lines above the header; false when the file has fewer lines than that, so it has no rows. */
    private static boolean skipTitleLines(CsvReader<CsvRow> reader, int count) {
        if (count == 0) {
            return true;
        }
        try {
            reader.skipLines(count);
            return true;
        } catch (CsvParseException e) {
            return false;
        }
    }

    public static FastCsvRowSource open(InputStream in, CsvDialect dialect) throws IOException {
        return new FastCsvRowSource(TextEncodings.open(in, dialect.charset()), dialect);
    }

    @Override
    public CsvRow next() throws CsvSyntaxException {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (CsvParseException e) {
            // FastCSV wraps what the row handler throws
            if (e.getCause() instanceof RowTooLargeException tooLarge) {
                throw tooLarge.toSyntaxException();
            }
            throw translate(e);
        }
    }

    @Override
    public long malformedSequences() {
        return text.malformedSequences();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static CsvSyntaxException translate(CsvParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher matcher = RECORD_LINE.matcher(message);
        long line = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        if (message.startsWith("Unclosed quoted field")) {
            return new CsvSyntaxException(IssueCode.QUOTE_UNCLOSED, line,
                    "A quoted cell that starts on line " + line + " is never closed, so the rest of the file cannot"
                            + " be read. Add the missing quote.");
        }
        if (message.contains("maximum buffer size")) {
            return new CsvSyntaxException(IssueCode.CELL_TOO_LONG, line, "A cell in the row starting on line " + line
                    + " is longer than " + MAX_CELL_CHARS + " characters; usually a quote opens and never closes.");
        }
        return new CsvSyntaxException(IssueCode.QUOTE_UNCLOSED, line, "The row starting on line " + line
                + " cannot be read: " + message);
    }

    /** A row beyond {@link #MAX_ROW_CELLS} or {@link #MAX_ROW_CHARS}, found while the parser hands over its cells. */
    private static final class RowTooLargeException extends RuntimeException {
        private final long line;
        private final boolean tooManyCells;

        RowTooLargeException(long line, boolean tooManyCells) {
            super(null, null, false, false);
            this.line = line;
            this.tooManyCells = tooManyCells;
        }

        CsvSyntaxException toSyntaxException() {
            return tooManyCells
                    ? new CsvSyntaxException(IssueCode.ROW_TOO_MANY_CELLS, line, "The row starting on line " + line
                            + " has more than " + MAX_ROW_CELLS + " cells, far more than any metadata file; the rest"
                            + " of the file cannot be read. Check that the mapping's delimiter is the file's.")
                    : new CsvSyntaxException(IssueCode.CELL_TOO_LONG, line, "The row starting on line " + line
                            + " holds more than " + MAX_ROW_CHARS + " characters; the rest of the file cannot be"
                            + " read. Usually a quote opens and never closes.");
        }
    }

    /** Builds rows straight from the parser's buffer, keeping the line each starts on. */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
        private String[] cells = new String[16];
        private long rowChars;

        @Override
        protected void handleBegin(long startingLineNumber) {
            rowChars = 0;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            rowChars += length;
            if (index >= MAX_ROW_CELLS || rowChars > MAX_ROW_CHARS) {
                throw new RowTooLargeException(getStartingLineNumber(), index >= MAX_ROW_CELLS);
            }
            if (index == cells.length) {
                cells = Arrays.copyOf(cells, cells.length * 2);
            }
            cells[index] = new String(buffer, offset, length);
        }

        @Override
        protected CsvRow buildRecord() {
            return new CsvRow(getStartingLineNumber(), Arrays.copyOf(cells, getFieldCount()));
        }
    }
}
