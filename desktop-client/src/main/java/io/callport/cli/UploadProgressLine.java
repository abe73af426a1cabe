package io.callport.cli;

import io.callport.service.upload.UploadQueue;
import io.callport.service.upload.UploadSnapshot;
import io.callport.service.upload.FileState;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One line on standard error that follows an upload, redrawn twice a second while standard error is a terminal;
 * scripts and pipes get only the summary.
 */
final class UploadProgressLine {
    private static final Duration REDRAW = Duration.ofMillis(500);

    private final PrintStream err;
    private final boolean terminal;

    private UploadProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static UploadProgressLine onStandardError() {
        Console console = System.console();
        return new UploadProgressLine(System.err, console != null && console.isTerminal());
    }

    /** Follows the upload until it ends. */
    UploadSnapshot follow(UploadQueue queue) throws InterruptedException {
        while (!queue.await(REDRAW)) {
            if (terminal) {
                err.print("\r" + describe(queue.snapshot()) + "\033[K");
                err.flush();
            }
        }
        if (terminal) {
            err.print("\r\033[K");
        }
        return queue.snapshot();
    }

    static String describe(UploadSnapshot snapshot) {
        long settled = snapshot.files().stream().filter(file -> file.state().isFinal()).count();
        String line = String.format(Locale.ROOT, "sending %d/%d files · %s of %s", settled, snapshot.files().size(),
                megabytes(snapshot.sentBytes()), megabytes(snapshot.totalBytes()));
        if (snapshot.bytesPerSecond() > 0) {
            line += String.format(Locale.ROOT, " · %.1f MB/s", snapshot.bytesPerSecond() / 1e6);
        }
        if (snapshot.timeLeft() != null) {
            line += " · " + snapshot.timeLeft().toSeconds() + " s left";
        }
        long retrying = snapshot.count(FileState.RETRYING);
        return retrying > 0 ? line + " · " + retrying + " waiting to retry" : line;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
