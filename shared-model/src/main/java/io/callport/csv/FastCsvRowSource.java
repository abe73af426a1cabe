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
        if (dialect.skipRows() > 0) {
            reader.skipLines(dialect.skipRows());
        }
        this.rows = reader.iterator();
    }

    public static FastCsvRowSource open(InputStream in, CsvDialect dialect) throws IOException {
        return new FastCsvRowSource(TextEncodings.open(in, dialect.charset()), dialect);
    }

    @Override
    public CsvRow next() throws CsvSyntaxException {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (CsvParseException e) {
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

    /** Builds rows straight from the parser's buffer, keeping the line each starts on. */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
        private String[] cells = new String[16];

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
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
