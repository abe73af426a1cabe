package io.callport.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Randomly damaged zips: damage ends as issues, never as an exception and never as silently altered content. */
class SafeZipFuzzTest {

    private static final int ROUNDS = 1_500;

    @TempDir
    Path dir;

    @Test
    void damagedBytesAnywhereNeverThrowAndNeverDeliverAlteredContent() throws IOException {
        List<byte[]> originals = List.of("file,agent\ncall.mp3,Ann\n".getBytes(StandardCharsets.UTF_8),
                SafeZipTest.randomBytes(3_000, 1), SafeZipTest.randomBytes(2_000, 2), new byte[50_000]);
        Path original = dir.resolve("original.zip");
        try (ZipWriter writer = ZipWriter.create(original)) {
            writer.add("calls.csv", originals.get(0)).add("folder/call.mp3", originals.get(1))
                    .stored("folder/call.wav", originals.get(2)).add("folder/quiet.wav", originals.get(3));
        }
        byte[] clean = Files.readAllBytes(original);
        Random random = new Random(2026);
        Path damaged = dir.resolve("batch.zip");

        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = clean.clone();
            for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(damaged, bytes);
            EntryCollector collector = new EntryCollector();

            assertThatCode(() -> {
                try (SafeZip safeZip = SafeZip.open(damaged, ZipLimits.defaults())) {
                    safeZip.read(collector);
                }
            }).as("round %d", round).doesNotThrowAnyException();
            assertThat(collector.contents.values()).as("round %d delivers only unaltered content", round)
                    .allMatch(content -> originals.stream().anyMatch(expected -> Arrays.equals(expected, content)));
        }
    }
}
