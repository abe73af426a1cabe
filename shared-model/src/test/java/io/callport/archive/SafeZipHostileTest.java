package io.callport.archive;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import org.apache.commons.compress.archivers.zip.AsiExtraField;
import org.apache.commons.compress.archivers.zip.UnrecognizedExtraField;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.callport.archive.SafeZipTest.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Hostile and damaged zips: each unsafe entry gets its issue and is left out, the safe ones are still delivered. */
class SafeZipHostileTest {

    private static final String CSV = "file,agent\ncall.mp3,Ann\n";
    private static final byte[] CSV_BYTES = CSV.getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORDING = randomBytes(30_000, 7);
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private Path batchZip() {
        return dir.resolve("batch.zip");
    }

    @Test
    void leavesOutEntriesWhosePathsClimbOutOfTheUnpackFolder() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("../evil.csv", CSV)
                    .add("a/../../evil.mp3", RECORDING)
                    .add("sub_.._.._evil.wav", RECORDING, ZipWriter::writtenOnUnix)
                    .add("ok/../fine.csv", CSV)
                    .add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).rename("sub_.._.._evil.wav", "sub\\..\\..\\evil.wav").write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file, Issue::value).containsExactly(
                tuple(IssueCode.ZIP_PATH_ESCAPE, "batch.zip!/../evil.csv", "../evil.csv"),
                tuple(IssueCode.ZIP_PATH_ESCAPE, "batch.zip!/a/../../evil.mp3", "a/../../evil.mp3"),
                tuple(IssueCode.ZIP_PATH_ESCAPE, "batch.zip!/sub\\..\\..\\evil.wav", "sub\\..\\..\\evil.wav"));
        assertThat(outcome.issues.getFirst().message())
                .isEqualTo("The zip entry \"../evil.csv\" points outside the folder the zip unpacks into, so it was"
                        + " left out.");
        assertThat(outcome.entries).containsExactly("fine.csv", "call.mp3");
        assertThat(outcome.collector.text("fine.csv")).isEqualTo(CSV);
        assertThat(outcome.collector.contents.get("call.mp3")).isEqualTo(RECORDING);
    }

    @Test
    void leavesOutEntriesWithAbsolutePaths() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("/abs.mp3", RECORDING)
                    .add("/etc/cron.d/x", CSV)
                    .add("C:_Windows_x.csv", CSV_BYTES, ZipWriter::writtenOnUnix)
                    .add("__server_share_x.csv", CSV_BYTES, ZipWriter::writtenOnUnix)
                    .add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).rename("C:_Windows_x.csv", "C:\\Windows\\x.csv")
                .rename("__server_share_x.csv", "\\\\server\\share\\x.csv").write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::value).containsExactly(
                tuple(IssueCode.ZIP_ABSOLUTE_PATH, "/abs.mp3"),
                tuple(IssueCode.ZIP_ABSOLUTE_PATH, "/etc/cron.d/x"),
                tuple(IssueCode.ZIP_ABSOLUTE_PATH, "C:\\Windows\\x.csv"),
                tuple(IssueCode.ZIP_ABSOLUTE_PATH, "\\\\server\\share\\x.csv"));
        assertThat(outcome.issues.getFirst().file()).isEqualTo("batch.zip!//abs.mp3");
        assertThat(outcome.collector.calls).containsExactly("call.mp3");
    }

    @Test
    void leavesOutSymbolicAndHardLinks() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.symlink("recordings/link.mp3", "../../etc/passwd")
                    .add("recordings/asi-link.mp3", new byte[0], entry -> {
                        AsiExtraField asi = new AsiExtraField();
                        asi.setLinkedFile("/etc/shadow");
                        entry.addExtraField(asi);
                    })
                    .add("recordings/hard-link.mp3", new byte[0], entry -> entry.addExtraField(pkwareUnixLink("call.mp3")))
                    .add("call.mp3", RECORDING);
        }

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file).containsExactly(
                tuple(IssueCode.ZIP_LINK, "batch.zip!/recordings/link.mp3"),
                tuple(IssueCode.ZIP_LINK, "batch.zip!/recordings/asi-link.mp3"),
                tuple(IssueCode.ZIP_LINK, "batch.zip!/recordings/hard-link.mp3"));
        assertThat(outcome.collector.calls).containsExactly("call.mp3");
        assertThat(outcome.collector.contents.get("call.mp3")).isEqualTo(RECORDING);
    }

    @Test
    void leavesOutPasswordProtectedEntries() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("secret.mp3", RECORDING).add("strong.mp3", RECORDING).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).setFlags("secret.mp3", 0x0001).setFlags("strong.mp3", 0x0041).write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file).containsExactly(
                tuple(IssueCode.ZIP_ENCRYPTED, "batch.zip!/secret.mp3"),
                tuple(IssueCode.ZIP_ENCRYPTED, "batch.zip!/strong.mp3"));
        assertThat(outcome.collector.calls).containsExactly("call.mp3");
    }

    @Test
    void leavesOutEveryCopyOfANameThatAppearsTwice() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("a/x.mp3", RECORDING).add("a/x.mp3", randomBytes(100, 1)).add("a/./x.mp3", RECORDING)
                    .add("call.mp3", RECORDING);
        }

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file).containsExactly(
                tuple(IssueCode.ZIP_DUPLICATE_ENTRY, "batch.zip!/a/x.mp3"),
                tuple(IssueCode.ZIP_DUPLICATE_ENTRY, "batch.zip!/a/x.mp3"),
                tuple(IssueCode.ZIP_DUPLICATE_ENTRY, "batch.zip!/a/./x.mp3"));
        assertThat(outcome.issues.getFirst().message()).contains("holds 3 entries named \"a/x.mp3\"");
        assertThat(outcome.collector.calls).containsExactly("call.mp3");
    }

    @Test
    void leavesOutEntriesCompressedWithAMethodCallportCannotUnpack() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("packed.csv", CSV).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).setMethod("packed.csv", 14).write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.ZIP_UNREADABLE, "batch.zip!/packed.csv"));
        assertThat(outcome.issues.getFirst().message()).contains("compressed with LZMA");
        assertThat(outcome.collector.calls).containsExactly("call.mp3");
    }

    @Test
    void stopsAnEntryThatInflatesBeyondItsDeclaredSizeAtTheFirstExtraByte() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.zeros("bomb.csv", 100 * MB).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).setDeclaredSize("bomb.csv", 1_000).write();

        try (SafeZip safeZip = SafeZip.open(batchZip(), ZipLimits.defaults())) {
            ZipEntryInfo bomb = safeZip.entries().getFirst();
            assertThat(bomb.declaredSize()).isEqualTo(1_000);
            long readBeforeEntries = safeZip.archiveBytesRead();
            byte[] largeBuffer = new byte[16 * (int) MB];
            Arrays.fill(largeBuffer, (byte) 1);
            List<String> events = new ArrayList<>();
            safeZip.read((entry, content) -> {
                if (!entry.path().equals("bomb.csv")) {
                    events.add(entry.path() + " delivered " + content.readAllBytes().length);
                    return;
                }
                long delivered = 0;
                try {
                    for (int read; (read = content.read(largeBuffer)) >= 0; ) {
                        delivered += read;
                    }
                } catch (IOException e) {
                    events.add("bomb.csv failed after " + delivered);
                }
            });

            assertThat(events).containsExactly("bomb.csv failed after 0", "call.mp3 delivered 30000");
            // asked for 16 MB at once, the decompressor wrote no more than the declared size and one byte
            assertThat(IntStream.range(0, largeBuffer.length).filter(i -> largeBuffer[i] == 0).count())
                    .isEqualTo(1_001);
            assertThat(safeZip.issues()).extracting(Issue::code, Issue::file)
                    .containsExactly(tuple(IssueCode.ZIP_SIZE_MISMATCH, "batch.zip!/bomb.csv"));
            assertThat(safeZip.issues().getFirst().message()).contains("more than the 1000 bytes");
            // and of its compressed data only a buffer's worth was read
            long readForEntries = safeZip.archiveBytesRead() - readBeforeEntries;
            assertThat(readForEntries - RECORDING.length).isLessThan(bomb.compressedSize() / 10);
        }
    }

    @Test
    void findsALyingEntryEvenWhenTheReaderLooksOnlyAtItsStart() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.zeros("bomb.csv", 100_000).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).setDeclaredSize("bomb.csv", 1_000).write();

        try (SafeZip safeZip = SafeZip.open(batchZip(), ZipLimits.defaults())) {
            safeZip.read((entry, content) -> content.readNBytes(10));

            assertThat(safeZip.issues()).extracting(Issue::code, Issue::file)
                    .containsExactly(tuple(IssueCode.ZIP_SIZE_MISMATCH, "batch.zip!/bomb.csv"));
        }
    }

    @Test
    void reportsAnEntryThatEndsBeforeItsDeclaredSize() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("short.csv", randomBytes(1_000, 5)).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).setDeclaredSize("short.csv", 5_000).write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.ZIP_SIZE_MISMATCH, "batch.zip!/short.csv"));
        assertThat(outcome.issues.getFirst().message()).contains("only 1000 bytes, less than the 4.9 KB");
        assertThat(outcome.collector.failures).containsOnlyKeys("short.csv");
        assertThat(outcome.collector.contents).containsOnlyKeys("call.mp3");
    }

    @Test
    void leavesOutEntriesWhoseDeclaredSizesWouldUnpackPastTheLimit() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("calls.csv", CSV).zeros("bomb.bin", 100 * MB)
                    .zeros("a.wav", 4 * MB).zeros("b.wav", 4 * MB).zeros("c.wav", 4 * MB);
        }
        ZipLimits tenMegabytes = new ZipLimits(ZipLimits.defaults().maxArchiveBytes(), 10 * MB, 1_000);

        Outcome outcome = openAndRead(tenMegabytes);

        assertThat(outcome.issues).extracting(Issue::code, Issue::file).containsExactly(
                tuple(IssueCode.ZIP_EXPANDED_TOO_LARGE, "batch.zip!/bomb.bin"),
                tuple(IssueCode.ZIP_EXPANDED_TOO_LARGE, "batch.zip!/c.wav"));
        assertThat(outcome.issues.getFirst().message()).isEqualTo("The zip entry \"bomb.bin\" unpacks to 100.0 MB,"
                + " which would bring the zip's unpacked total over the 10.0 MB limit, so it was left out.");
        assertThat(outcome.collector.calls).containsExactly("calls.csv", "a.wav", "b.wav");
        assertThat(outcome.collector.failures).isEmpty();
    }

    @Test
    void refusesAZipListingMoreEntriesThanTheLimitWhateverItsEndRecordClaims() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            for (int i = 0; i < 11; i++) {
                writer.add("call-" + i + ".csv", CSV);
            }
        }
        ZipLimits tenEntries = new ZipLimits(ZipLimits.defaults().maxArchiveBytes(), MB, 10);
        ZipLimits elevenEntries = new ZipLimits(ZipLimits.defaults().maxArchiveBytes(), MB, 11);

        assertThat(openAndRead(elevenEntries).entries).hasSize(11);
        Outcome refused = openAndRead(tenEntries);
        assertThat(refused.issues).extracting(Issue::code, Issue::file, Issue::message).containsExactly(tuple(
                IssueCode.ZIP_EXPANDED_TOO_LARGE, "batch.zip",
                "\"batch.zip\" holds more than 10 files, the most a zip may hold; split the batch into smaller zips."));
        assertThat(refused.entries).isEmpty();
        assertThat(refused.collector.calls).isEmpty();

        ZipPatch.of(batchZip()).setEndRecordEntryCount(1).write();
        assertThat(openAndRead(tenEntries).issues).extracting(Issue::code)
                .containsExactly(IssueCode.ZIP_EXPANDED_TOO_LARGE);
        assertThat(openAndRead(elevenEntries).issues).extracting(Issue::code)
                .containsExactly(IssueCode.ZIP_UNREADABLE);
    }

    @Test
    void refusesACentralDirectoryTooLargeForItsEntryLimit() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("a".repeat(1_100) + ".csv", CSV).add("b".repeat(1_100) + ".csv", CSV);
        }

        Outcome outcome = openAndRead(new ZipLimits(ZipLimits.defaults().maxArchiveBytes(), MB, 2));

        assertThat(outcome.issues).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.ZIP_EXPANDED_TOO_LARGE, "batch.zip"));
        assertThat(outcome.issues.getFirst().message()).contains("more than 2.0 KB");
        assertThat(outcome.entries).isEmpty();
    }

    @Test
    void refusesAZipLargerThanTheLimitWithoutReadingIt() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("call.mp3", RECORDING);
        }
        try (SafeZip safeZip = SafeZip.open(batchZip(), new ZipLimits(10_000, MB, 10))) {
            safeZip.read(new EntryCollector());

            assertThat(safeZip.issues()).extracting(Issue::code, Issue::file)
                    .containsExactly(tuple(IssueCode.ZIP_TOO_LARGE, "batch.zip"));
            assertThat(safeZip.issues().getFirst().message()).isEqualTo("\"batch.zip\" is 29.4 KB, more than the 9.8 KB"
                    + " a zip may be; split the batch into smaller zips.");
            assertThat(safeZip.entries()).isEmpty();
            assertThat(safeZip.archiveBytesRead()).isZero();
        }
    }

    @Test
    void reportsFilesThatAreNotZipsOrHaveADamagedCentralDirectory() throws IOException {
        Files.writeString(batchZip(), CSV);
        assertUnreadable();
        Files.write(batchZip(), new byte[0]);
        assertUnreadable();

        writeCleanZip();
        ZipPatch.of(batchZip()).truncateBy(10).write();
        assertUnreadable();

        writeCleanZip();
        ZipPatch.of(batchZip()).shiftCentralDirectoryOffset(1).write();
        assertUnreadable();
    }

    @Test
    void leavesOutAnEntryWhoseDataIsDamaged() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("calls.csv", CSV).stored("damaged.wav", RECORDING).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).flipDataByte("damaged.wav").write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.ZIP_UNREADABLE, "batch.zip!/damaged.wav"));
        assertThat(outcome.collector.failures).containsOnlyKeys("damaged.wav");
        assertThat(outcome.collector.contents).containsOnlyKeys("calls.csv", "call.mp3");
    }

    @Test
    void leavesOutAnEntryThatSharesItsDataWithAnother() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("a.csv", CSV).add("b.csv", CSV).add("call.mp3", RECORDING);
        }
        ZipPatch.of(batchZip()).pointAtDataOf("b.csv", "a.csv").write();

        Outcome outcome = openAndRead(ZipLimits.defaults());

        assertThat(outcome.issues).extracting(Issue::code, Issue::file)
                .containsExactly(tuple(IssueCode.ZIP_UNREADABLE, "batch.zip!/a.csv"));
        assertThat(outcome.issues.getFirst().message()).contains("shares its data with another entry");
        assertThat(outcome.collector.calls).containsExactly("b.csv", "call.mp3");
        assertThat(outcome.collector.text("b.csv")).isEqualTo(CSV);
    }

    private void writeCleanZip() throws IOException {
        try (ZipWriter writer = ZipWriter.create(batchZip())) {
            writer.add("calls.csv", CSV).add("call.mp3", RECORDING);
        }
    }

    private void assertUnreadable() throws IOException {
        Outcome outcome = openAndRead(ZipLimits.defaults());
        assertThat(outcome.issues).extracting(Issue::code, Issue::file, Issue::message).containsExactly(tuple(
                IssueCode.ZIP_UNREADABLE, "batch.zip", "\"batch.zip\" is not a zip file or is damaged (its list of"
                        + " files cannot be read), so none of its files were used."));
        assertThat(outcome.entries).isEmpty();
        assertThat(outcome.collector.calls).isEmpty();
    }

    /** PKWARE's Unix extra field carrying a link target, as the zip specification describes for hard links. */
    private static UnrecognizedExtraField pkwareUnixLink(String target) {
        byte[] targetBytes = target.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(new byte[12], 12 + targetBytes.length);
        System.arraycopy(targetBytes, 0, data, 12, targetBytes.length);
        UnrecognizedExtraField field = new UnrecognizedExtraField();
        field.setHeaderId(new ZipShort(0x000D));
        field.setLocalFileDataData(data);
        field.setCentralDirectoryData(data);
        return field;
    }

    private record Outcome(List<String> entries, List<Issue> issues, EntryCollector collector) {
    }

    private Outcome openAndRead(ZipLimits limits) throws IOException {
        try (SafeZip safeZip = SafeZip.open(batchZip(), limits)) {
            EntryCollector collector = new EntryCollector();
            safeZip.read(collector);
            return new Outcome(safeZip.entries().stream().map(ZipEntryInfo::path).toList(), safeZip.issues(),
                    collector);
        }
    }
}
