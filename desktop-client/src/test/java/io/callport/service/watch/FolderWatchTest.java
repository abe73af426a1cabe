package io.callport.service.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatchTest {
    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T08:00:00Z"));

    @Test
    void aFileIsStableOnceItHasNotChangedForTheSettleTime() throws Exception {
        FolderWatch watch = new FolderWatch(folder, Duration.ofSeconds(5), clock);
        Path recording = Files.writeString(folder.resolve("call-1.wav"), "first part");

        assertThat(watch.scan().changing()).containsExactly(recording);
        clock.advance(Duration.ofSeconds(3));
        Files.writeString(recording, " and more", StandardOpenOption.APPEND);
        assertThat(watch.scan().changing()).as("it grew: the settle time starts again").containsExactly(recording);
        clock.advance(Duration.ofSeconds(4));
        assertThat(watch.scan().stable()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        FolderWatch.Scan settled = watch.scan();

        assertThat(settled.stable()).containsExactly(recording);
        assertThat(settled.changing()).isEmpty();
    }

    @Test
    void hiddenFilesAndTemporaryNamesAreNeverTaken() throws Exception {
        FolderWatch watch = new FolderWatch(folder, Duration.ZERO, clock);
        Files.createDirectories(folder.resolve("2026-11-03"));
        Path nested = Files.writeString(folder.resolve("2026-11-03").resolve("calls.csv"), "a,b\n");
        for (String name : new String[] {".calls.csv", "call.wav.part", "call.wav.filepart", "call.wav.partial",
                "call.wav.tmp", "CALL.WAV.TEMP", "call.wav~"}) {
            Files.writeString(folder.resolve(name), "x");
        }
        Files.createDirectories(folder.resolve(".sync"));
        Files.writeString(folder.resolve(".sync").resolve("state.csv"), "x");

        assertThat(watch.scan().stable()).containsExactly(nested);
    }
}
