package io.callport.service;

import io.callport.mapping.FieldMapping;
import io.callport.validate.Batch;
import io.callport.validate.BatchFile;
import io.callport.validate.BatchFileKind;
import io.callport.validate.BatchValidator;
import io.callport.validate.IssueCollector;
import io.callport.validate.ValidationProgress;
import io.callport.validate.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Gathers the files of a batch and validates them offline with the validator the server runs. */
public final class BatchService {
    static final int LONGEST_LINE_SHOWN = 2_000;

    private final Clock clock;

    public BatchService(Clock clock) {
        this.clock = clock;
    }

    /** The files, and the contents of the folders, the person dropped or chose. */
    public CollectedBatch collect(Collection<Path> inputs) throws IOException {
        Batch batch = Batch.collect(inputs, List.of());
        Map<BatchFileKind, Integer> counts = new EnumMap<>(BatchFileKind.class);
        long total = 0;
        long metadata = 0;
        for (BatchFile file : batch.files()) {
            counts.merge(file.kind(), 1, Integer::sum);
            long size = Files.size(file.path());
            total += size;
            metadata += file.kind() == BatchFileKind.METADATA ? size : 0;
        }
        return new CollectedBatch(batch, counts, total, metadata);
    }

    /**
     * The text of a line of one of the batch's own files (not of a file inside a zip), as a text editor shows it,
     * cut after {@value #LONGEST_LINE_SHOWN} characters; empty when the batch has no such file or line.
     */
    public Optional<String> lineOf(CollectedBatch collected, String fileName, long line, Charset charset)
            throws IOException {
        Optional<BatchFile> file = collected.batch().files().stream().filter(f -> f.name().equals(fileName))
                .findFirst();
        if (file.isEmpty() || line < 1) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(file.get().path(), charset)) {
            for (long current = 1; current < line; current++) {
                if (!skipLine(reader)) {
                    return Optional.empty();
                }
            }
            StringBuilder text = new StringBuilder();
            for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r'; c = reader.read()) {
                if (text.length() == LONGEST_LINE_SHOWN) {
                    text.append('…');
                    break;
                }
                text.append((char) c);
            }
            return Optional.of(text.toString().replace("\uFEFF", ""));
        }
    }

    /** Reads past the next line break (LF, CR LF or CR); false at the end of the file. */
    private static boolean skipLine(BufferedReader reader) throws IOException {
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Validates the batch, reporting the share of its metadata read so far (0 to 1) to {@code progress}.
     *
     * @param cancelled asked as the metadata is read; when it answers true the validation stops
     * @throws CancellationException when it was cancelled
     */
    public ValidationReport validate(CollectedBatch collected, FieldMapping mapping, DoubleConsumer progress,
                                     BooleanSupplier cancelled) throws IOException {
        long total = Math.max(1, collected.metadataBytes());
        var reading = new ValidationProgress() {
            private long read;
            private boolean stopped;

            @Override
            public void advanced(long bytes) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    throw new CancellationException("The check was cancelled.");
                }
                read += bytes;
                progress.accept(Math.min(1.0, (double) read / total));
            }
        };
        ValidationReport report = new BatchValidator(mapping, clock).validate(collected.batch(), new IssueCollector(),
                reading);
        // the CSV reader may turn the exception into a syntax issue and go on: the flag is what counts
        if (reading.stopped) {
            throw new CancellationException("The check was cancelled.");
        }
        return report;
    }
}
