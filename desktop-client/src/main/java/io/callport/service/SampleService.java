package io.callport.service;

import io.callport.csv.CsvRow;
import io.callport.csv.CsvRowSource;
import io.callport.csv.CsvSyntaxException;
import io.callport.csv.DialectDetector;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.validate.Batch;
import io.callport.validate.BatchFile;
import io.callport.validate.BatchValidator;
import io.callport.validate.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the mapping wizard does with a sample metadata file: read its head, detect its dialect, read the head again
 * with the dialect the person settles on, and validate those rows against the mapping being built. Only the head
 * is ever read, so a 150 MB export previews as fast as a small one.
 */
public final class SampleService {
    /** The bytes of a sample that are read: the same amount the dialect detector looks at. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    private final DialectDetector detector = new DialectDetector();
    private final Clock clock;

    public SampleService(Clock clock) {
        this.clock = clock;
    }

    public Sample load(Path file) throws IOException {
        byte[] read;
        try (InputStream in = Files.newInputStream(file)) {
            // one byte more than the detector keeps tells it whether the file goes on
            read = in.readNBytes(SAMPLE_BYTES + 1);
        }
        boolean complete = read.length <= SAMPLE_BYTES;
        var detected = detector.detect(new ByteArrayInputStream(read));
        byte[] head = complete ? read : Arrays.copyOf(read, SAMPLE_BYTES);
        return new Sample(file, Files.size(file), head, complete, detected);
    }

    /** Reads the head with a dialect; a row the head cuts short is left out, as is everything after it. */
    public SamplePreview preview(Sample sample, CsvDialect dialect) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        long cutAtLine = 0;
        String problem = null;
        try (CsvRowSource source = FastCsvRowSource.open(new ByteArrayInputStream(sample.head()), dialect)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            if (!sample.complete() && !rows.isEmpty()) {
                cutAtLine = rows.removeLast().line();
            }
        } catch (CsvSyntaxException e) {
            if (sample.complete()) {
                problem = e.getMessage();
            } else {
                cutAtLine = e.line(); // the head ends inside a quoted cell
            }
        }
        byte[] checked = cutAtLine == 0 ? sample.head()
                : Arrays.copyOf(sample.head(), LineBreaks.startOfLine(sample.head(), cutAtLine, dialect.charset()));
        List<String> header = dialect.header() && !rows.isEmpty() ? List.of(rows.removeFirst().cells()) : numbered(rows);
        return new SamplePreview(header, rows, checked, problem);
    }

    /**
     * Validates the previewed rows with the same validator the server runs. The batch holds only the sample, so
     * recordings its rows name are not looked for.
     */
    public ValidationReport validate(Sample sample, SamplePreview preview, FieldMapping mapping) throws IOException {
        Path folder = Files.createTempDirectory("callport-sample");
        Path copy = folder.resolve("sample");
        try {
            Files.write(copy, preview.checked());
            Batch batch = new Batch(List.of(new BatchFile(sample.name(), copy)), false);
            return new BatchValidator(mapping, clock).validate(batch);
        } finally {
            Files.deleteIfExists(copy);
            Files.delete(folder);
        }
    }

    private static List<String> numbered(List<CsvRow> rows) {
        int width = rows.stream().mapToInt(CsvRow::size).max().orElse(0);
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }
}
