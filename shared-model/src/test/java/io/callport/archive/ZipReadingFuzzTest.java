package io.callport.archive;

import static io.callport.validate.FuzzInvariants.assertWellFormed;
import static io.callport.validate.FuzzInvariants.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callport.validate.FileNameRules;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes {@link SafeZip} with any bytes as a zip file: opening and reading never throw, only safe relative paths
 * are delivered, each entry delivered whole is exactly its declared size, and nothing unpacks past the limits.
 * SafeZipFuzzTest damages one valid zip at random; this one is coverage-guided from the seeds in
 * {@code src/test/resources/io/callport/archive/ZipReadingFuzzTestInputs}.
 */
class ZipReadingFuzzTest {
    /** Small limits, so the fuzzer reaches them with small inputs and every input unpacks quickly. */
    private static final ZipLimits LIMITS = new ZipLimits(1024 * 1024, 16 * 1024 * 1024, 1_000);
    private static final Set<IssueCode> ZIP_CODES = EnumSet.of(IssueCode.ZIP_UNREADABLE, IssueCode.ZIP_TOO_LARGE,
            IssueCode.ZIP_EXPANDED_TOO_LARGE, IssueCode.ZIP_PATH_ESCAPE, IssueCode.ZIP_ABSOLUTE_PATH,
            IssueCode.ZIP_LINK, IssueCode.ZIP_ENCRYPTED, IssueCode.ZIP_SIZE_MISMATCH, IssueCode.ZIP_DUPLICATE_ENTRY,
            IssueCode.FILE_NAME_INVALID);
    private static final Path ZIP = workFile();

    @FuzzTest(maxDuration = "10m")
    void readsAnyZip(byte[] bytes) throws Exception {
        Files.write(ZIP, bytes);
        Map<String, Long> delivered = new HashMap<>();

        SafeZip zip = within(() -> {
            SafeZip opened = SafeZip.open(ZIP, LIMITS);
            try (opened) {
                opened.read((entry, content) -> delivered.put(entry.path(), count(content)));
            }
            return opened;
        });

        assertWellFormed(zip.issues(), ZIP_CODES,
                file -> file.equals("batch.zip") || file.startsWith("batch.zip!/"), 0);
        assertThat(delivered.values().stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(LIMITS.maxExpandedBytes());
        for (ZipEntryInfo entry : zip.entries()) {
            assertThat(EntryPath.of(entry.path())).as("path of %s", entry)
                    .isEqualTo(new EntryPath(EntryPath.Kind.RELATIVE, entry.path()));
            assertThat(FileNameRules.pathProblem(entry.path())).as("name of %s", entry).isEmpty();
            Long length = delivered.get(entry.path());
            boolean refused = zip.issues().stream().anyMatch(issue -> issue.file().equals("batch.zip!/" + entry.path()));
            if (length != null && !refused) {
                assertThat(length).as("bytes delivered for %s", entry).isEqualTo(entry.declaredSize());
            }
        }
    }

    /** Reads an entry to its end as a consumer would; the stream throws when the entry proves unusable. */
    private static long count(InputStream content) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read; (read = content.read(buffer)) >= 0; ) {
            total += read;
        }
        return total;
    }

    private static Path workFile() {
        try {
            Path folder = Files.createTempDirectory("zip-fuzz");
            folder.toFile().deleteOnExit();
            Path zip = folder.resolve("batch.zip");
            zip.toFile().deleteOnExit();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
