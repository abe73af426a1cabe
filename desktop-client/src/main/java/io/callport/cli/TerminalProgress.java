package io.callport.cli;

import io.callport.validate.Batch;
import io.callport.validate.BatchFile;
import io.callport.validate.BatchFileKind;
import io.callport.validate.ValidationProgress;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A one-line progress indicator on standard error, shown only when standard error is a terminal and the batch is
 * large enough to take a while; scripts and pipes get clean output.
 */
final class TerminalProgress implements ValidationProgress, AutoCloseable {
    private static final long WORTH_SHOWING_BYTES = 20L * 1024 * 1024;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final long totalBytes;
    private final boolean enabled;
    private long doneBytes;
    private long lastDrawn;

    private TerminalProgress(PrintStream err, long totalBytes, boolean enabled) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.enabled = enabled;
    }

    static TerminalProgress onStandardError(Batch batch) {
        long total = batch.filesOf(BatchFileKind.METADATA).stream().mapToLong(TerminalProgress::sizeOf).sum();
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        return new TerminalProgress(System.err, total, terminal && total >= WORTH_SHOWING_BYTES);
    }

    @Override
    public void advanced(long bytes) {
        doneBytes += bytes;
        long now = System.nanoTime();
        if (enabled && now - lastDrawn > REDRAW_NANOS) {
            lastDrawn = now;
            err.printf("\rvalidating… %3d%% (%d of %d MB)", 100 * doneBytes / Math.max(1, totalBytes),
                    doneBytes >> 20, totalBytes >> 20);
        }
    }

    @Override
    public void close() {
        if (enabled && lastDrawn != 0) {
            err.print("\r\033[K");
        }
    }

    private static long sizeOf(BatchFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
