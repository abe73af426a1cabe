package io.callport.csv;

import io.callport.mapping.CsvDialect;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** commons-csv behind the validator's row interface, so the benchmark compares parsers on the same work. */
public final class CommonsCsvRowSource implements CsvRowSource {
    private final DecodingReader text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CommonsCsvRowSource(DecodingReader text, CsvDialect dialect) throws IOException {
        this.text = text;
        this.parser = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiterChar())
                .setQuote(dialect.quoteChar()).setIgnoreEmptyLines(true).get().parse(text);
        this.records = parser.iterator();
    }

    public static CommonsCsvRowSource open(InputStream in, CsvDialect dialect) throws IOException {
        return new CommonsCsvRowSource(TextEncodings.open(in, dialect.charset()), dialect);
    }

    @Override
    public CsvRow next() throws CsvSyntaxException {
        long startLine = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? new CsvRow(startLine, records.next().values()) : null;
        } catch (UncheckedIOException e) {
            throw new CsvSyntaxException(IssueCode.QUOTE_UNCLOSED, startLine, e.getMessage());
        }
    }

    @Override
    public long malformedSequences() {
        return text.malformedSequences();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
