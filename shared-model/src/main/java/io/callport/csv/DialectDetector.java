package io.callport.csv;

import io.callport.mapping.CsvDialect;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Guesses how a sample metadata file is written from its first 64 KB: the encoding (byte-order mark, else
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252, which Excel writes), the delimiter that splits the most
 * lines into the same number of cells, the quote, title lines before the header, and whether the first row is a
 * header. It reads only the sample, so a 150 MB file previews as fast as a small one.
 */
public final class DialectDetector {
    static final int SAMPLE_BYTES = 64 * 1024;
    static final int PREVIEW_ROWS = 20;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final char[] QUOTES = {'"', '\''};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public DetectedDialect detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        }
    }

    public DetectedDialect detect(InputStream in) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        boolean complete = in.read() < 0;
        Charset charset = encodingOf(sample, complete);
        String text = decode(sample, charset);
        List<String> lines = completeLines(text, complete);
        List<String> notes = new ArrayList<>();
        char delimiter = delimiterOf(lines);
        char quote = quoteOf(lines, delimiter);
        int skipRows = titleRowsBefore(lines, delimiter, quote);
        CsvDialect probe = new CsvDialect(String.valueOf(delimiter), String.valueOf(quote), true, skipRows,
                charset.name());
        List<CsvRow> rows = readRows(sample, probe);
        boolean header = HeaderGuess.isHeader(rows);
        if (!header) {
            notes.add("The first row looks like data, so the file is read without a header; columns are numbered.");
        }
        CsvDialect dialect = probe.withHeader(header);
        List<String> names = header && !rows.isEmpty() ? List.of(rows.getFirst().cells()) : numbered(rows);
        List<List<String>> preview = rows.stream().skip(header ? 1 : 0).limit(PREVIEW_ROWS)
                .map(row -> List.of(row.cells())).toList();
        var suggestion = MappingSuggester.suggest(dialect, names, preview, notes);
        return new DetectedDialect(dialect, names, preview, suggestion, List.copyOf(notes));
    }

    /** Reads the sample's rows with a dialect, stopping quietly where the sample cuts a row. */
    static List<CsvRow> readRows(byte[] sample, CsvDialect dialect) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRowSource source = FastCsvRowSource.open(new ByteArrayInputStream(sample), dialect)) {
            for (CsvRow row = source.next(); row != null && rows.size() <= PREVIEW_ROWS; row = source.next()) {
                rows.add(row);
            }
        } catch (CsvSyntaxException e) {
            // the sample ends inside a quoted cell: the rows before it are all the preview needs
        }
        return rows;
    }

    static Charset encodingOf(byte[] sample, boolean complete) {
        Charset bom = TextEncodings.charsetOfBom(sample);
        if (bom != null) {
            return bom == StandardCharsets.UTF_8 ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16;
        }
        // a sample cut in the middle of a multi-byte character is still UTF-8: drop up to 3 trailing bytes
        int length = sample.length;
        for (int cut = 0; cut <= (complete ? 0 : 3) && cut < length; cut++) {
            if (isValid(sample, length - cut, StandardCharsets.UTF_8)) {
                return StandardCharsets.UTF_8;
            }
        }
        return WINDOWS_1252;
    }

    private static boolean isValid(byte[] bytes, int length, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] sample, Charset charset) throws IOException {
        try (var reader = TextEncodings.open(new ByteArrayInputStream(sample), charset)) {
            StringBuilder text = new StringBuilder(sample.length);
            char[] buffer = new char[8192];
            for (int read = reader.read(buffer); read > 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
            }
            return text.toString();
        }
    }

    /** The sample's lines, without the last one when the sample cuts it short. */
    private static List<String> completeLines(String text, boolean complete) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\n|\r", -1)));
        if (!complete || lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        lines.removeIf(String::isBlank);
        return lines;
    }

    /** The delimiter whose count per line is the same on the most lines, preferring more cells. */
    static char delimiterOf(List<String> lines) {
        char best = ',';
        double bestScore = 0;
        for (char delimiter : DELIMITERS) {
            int[] counts = lines.stream().limit(50).mapToInt(line -> countOutsideQuotes(line, delimiter)).toArray();
            int mode = mode(counts);
            if (mode == 0) {
                continue;
            }
            long agreeing = Arrays.stream(counts).filter(count -> count == mode).count();
            double score = agreeing * 1000.0 / counts.length + mode;
            if (score > bestScore) {
                bestScore = score;
                best = delimiter;
            }
        }
        return best;
    }

    private static char quoteOf(List<String> lines, char delimiter) {
        for (char quote : QUOTES) {
            String opening = delimiter + String.valueOf(quote);
            boolean quotes = lines.stream().limit(50)
                    .anyMatch(line -> line.startsWith(String.valueOf(quote)) || line.contains(opening));
            if (quotes) {
                return quote;
            }
        }
        return '"';
    }

    /** Title lines such as "Export of 03/11/2026" have fewer delimiters than the table that follows. */
    private static int titleRowsBefore(List<String> lines, char delimiter, char quote) {
        int[] counts = lines.stream().limit(50).mapToInt(line -> countOutsideQuotes(line, delimiter)).toArray();
        int mode = mode(counts);
        int skip = 0;
        while (skip < counts.length && skip < 10 && counts[skip] < mode) {
            skip++;
        }
        return skip == counts.length ? 0 : skip;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static int mode(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int mode = 0;
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun || (j - i == bestRun && sorted[i] > mode)) {
                bestRun = j - i;
                mode = sorted[i];
            }
            i = j;
        }
        return mode;
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
