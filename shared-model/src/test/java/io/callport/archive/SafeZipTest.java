package io.callport.archive;

import io.callport.validate.Limits;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A well-formed zip: everything in it is delivered, once, in order, and the file is read about once. */
class SafeZipTest {

    @TempDir
    Path dir;

    @Test
    void deliversTheRecordingsAndTheCsvOfACleanZipAndSkipsFoldersAndJunk() throws IOException {
        byte[] firstCall = randomBytes(40_000, 1);
        byte[] secondCall = randomBytes(50_000, 2);
        Path zip = dir.resolve("batch.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.add("calls.csv", "file,agent\nfolder/call-1.mp3,Ann\nfolder/call-2.wav,Bob\n")
                    .directory("folder/")
                    .add("folder/call-1.mp3", firstCall)
                    .stored("folder/call-2.wav", secondCall)
                    .add("__MACOSX/folder/._call-1.mp3", new byte[] {0, 5, 22, 7})
                    .add(".DS_Store", new byte[16])
                    .add("folder/Thumbs.db", new byte[16]);
        }

        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            assertThat(safeZip.displayName()).isEqualTo("batch.zip");
            assertThat(safeZip.entries()).extracting(ZipEntryInfo::path)
                    .containsExactly("calls.csv", "folder/call-1.mp3", "folder/call-2.wav");
            assertThat(safeZip.entries().get(1)).isEqualTo(new ZipEntryInfo("folder/call-1.mp3", "call-1.mp3", 40_000,
                    safeZip.entries().get(1).compressedSize()));
            assertThat(safeZip.entries().get(2).compressedSize()).isEqualTo(50_000);

            EntryCollector collector = new EntryCollector();
            safeZip.read(collector);

            assertThat(collector.calls).containsExactly("calls.csv", "folder/call-1.mp3", "folder/call-2.wav");
            assertThat(collector.text("calls.csv")).startsWith("file,agent\n");
            assertThat(collector.contents.get("folder/call-1.mp3")).isEqualTo(firstCall);
            assertThat(collector.contents.get("folder/call-2.wav")).isEqualTo(secondCall);
            assertThat(collector.failures).isEmpty();
            assertThat(safeZip.issues()).isEmpty();
        }
    }

    @Test
    void readsEachOfAThousandEntriesOnceAndTheFileAboutOnce() throws IOException {
        Path zip = dir.resolve("thousand.zip");
        long contentBytes = 0;
        try (ZipWriter writer = ZipWriter.create(zip)) {
            for (int i = 0; i < 1_000; i++) {
                byte[] recording = randomBytes(2_000 + i, i);
                writer.add("calls/call-%04d.mp3".formatted(i), recording);
                contentBytes += recording.length;
            }
        }
        long zipSize = Files.size(zip);

        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            long afterCentralDirectory = safeZip.archiveBytesRead();
            Map<String, Integer> callsPerEntry = new HashMap<>();
            long[] delivered = {0};
            safeZip.read((entry, content) -> {
                callsPerEntry.merge(entry.path(), 1, Integer::sum);
                delivered[0] += content.readAllBytes().length;
            });

            assertThat(callsPerEntry).hasSize(1_000).allSatisfy((path, calls) -> assertThat(calls).isOne());
            assertThat(delivered[0]).isEqualTo(contentBytes);
            assertThat(safeZip.issues()).isEmpty();
            // opening reads the central directory (and the end of the file) only
            assertThat(afterCentralDirectory).isLessThan(zipSize / 5);
            // random content does not compress, so the entries' data is most of the file: it is read once, not twice
            assertThat(safeZip.archiveBytesRead()).isGreaterThan(contentBytes).isLessThan(zipSize * 12 / 10);
        }
    }

    @Test
    void aReaderThatLooksOnlyAtTheStartStillGetsEveryEntryChecked() throws IOException {
        Path zip = dir.resolve("batch.zip");
        byte[] recording = randomBytes(100_000, 3);
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.add("call.mp3", recording);
        }
        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            byte[] head = new byte[12];
            safeZip.read((entry, content) -> content.readNBytes(head, 0, head.length));

            assertThat(head).isEqualTo(Arrays.copyOf(recording, 12));
            assertThat(safeZip.issues()).isEmpty();
            // the rest was drained to verify size and checksum
            assertThat(safeZip.archiveBytesRead()).isGreaterThan(recording.length);
        }
    }

    @Test
    void aReadersOwnFailureIsThrownNotReportedAsAZipIssue() throws IOException {
        Path zip = dir.resolve("batch.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.add("a.csv", "x\n1\n").add("b.csv", "x\n2\n");
        }
        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            IOException diskFull = new IOException("No space left on device");

            assertThatThrownBy(() -> safeZip.read((entry, content) -> {
                throw diskFull;
            })).isSameAs(diskFull);
            assertThat(safeZip.issues()).isEmpty();
            assertThatThrownBy(() -> safeZip.read(new EntryCollector()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        }
    }

    @Test
    void readsAZip64ArchiveWithMoreEntriesThanAPlainZipCanCount() throws IOException {
        int count = 70_000;
        Path zip = dir.resolve("many.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.stream().setUseZip64(Zip64Mode.Always);
            for (int i = 0; i < count; i++) {
                writer.add("calls/%05d.csv".formatted(i), "row," + i + "\n");
            }
        }

        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            assertThat(safeZip.entries()).hasSize(count);
            EntryCollector collector = new EntryCollector();
            safeZip.read(collector);

            assertThat(collector.calls).hasSize(count).startsWith("calls/00000.csv").endsWith("calls/69999.csv");
            assertThat(collector.text("calls/65536.csv")).isEqualTo("row,65536\n");
            assertThat(collector.failures).isEmpty();
            assertThat(safeZip.issues()).isEmpty();
        }
    }

    @Test
    void findsTheCentralDirectoryBehindALongCommentAndAfterAPrependedStub() throws IOException {
        Path zip = dir.resolve("batch.zip");
        try (ZipWriter writer = ZipWriter.create(zip)) {
            writer.stream().setComment("Exported by the recorder. ".repeat(400));
            writer.add("calls.csv", "file\ncall.mp3\n").add("call.mp3", randomBytes(5_000, 4));
        }
        byte[] selfExtractorStub = randomBytes(20_000, 5);
        byte[] zipBytes = Files.readAllBytes(zip);
        Files.write(zip, selfExtractorStub);
        Files.write(zip, zipBytes, StandardOpenOption.APPEND);

        try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
            EntryCollector collector = new EntryCollector();
            safeZip.read(collector);

            assertThat(collector.calls).containsExactly("calls.csv", "call.mp3");
            assertThat(collector.contents.get("call.mp3")).isEqualTo(randomBytes(5_000, 4));
            assertThat(safeZip.issues()).isEmpty();
        }
    }

    @Test
    void defaultLimitsAreTheProductLimits() {
        assertThat(ZipLimits.defaults()).isEqualTo(
                new ZipLimits(Limits.MAX_ZIP_BYTES, Limits.MAX_ZIP_EXPANDED_BYTES, Limits.MAX_ZIP_ENTRIES));
        assertThatThrownBy(() -> new ZipLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
