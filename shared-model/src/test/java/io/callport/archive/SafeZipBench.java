package io.callport.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Times {@link SafeZip#read} over a zip of incompressible entries (recordings barely compress), by default 1,000 of
 * 1 MB, once stored and once deflated. The zip is freshly written, so it is read from the page cache: the figures
 * are SafeZip's own cost (inflating, size and CRC checks), not the disk's. Prints one JSON line per method.
 *
 * <pre>mvn -B -ntp -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.callport.archive.SafeZipBench [-Dexec.args="entries entryBytes"]</pre>
 */
public final class SafeZipBench {

    private static final int RUNS = 3;
    private static final double MB = 1024 * 1024;

    private SafeZipBench() {
    }

    public static void main(String[] args) throws IOException {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int entryBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024 * 1024;
        Path dir = Files.createTempDirectory("safezip-bench");
        try {
            for (int method : new int[] {ZipArchiveEntry.STORED, ZipArchiveEntry.DEFLATED}) {
                Path zip = dir.resolve("bench.zip");
                build(zip, method, entries, entryBytes);
                String methodName = method == ZipArchiveEntry.STORED ? "stored" : "deflated";
                measureRawRead(zip, methodName);
                measure(zip, methodName, entries, entryBytes);
                Files.delete(zip);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void build(Path zip, int method, int entries, int entryBytes) throws IOException {
        byte[] recording = new byte[entryBytes];
        new Random(42).nextBytes(recording);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < entries; i++) {
                ZipArchiveEntry entry = new ZipArchiveEntry("calls/call-%05d.mp3".formatted(i));
                entry.setMethod(method);
                out.putArchiveEntry(entry);
                recording[0] = (byte) i;
                out.write(recording);
                out.closeArchiveEntry();
            }
        }
    }

    private static void measure(Path zip, String method, int entries, int entryBytes) throws IOException {
        long[] nanos = new long[RUNS];
        long archiveBytesRead = 0;
        int issues = 0;
        for (int run = -1; run < RUNS; run++) {
            try (SafeZip safeZip = SafeZip.open(zip, ZipLimits.defaults())) {
                long start = System.nanoTime();
                safeZip.read(SafeZipBench::consume);
                long elapsed = System.nanoTime() - start;
                if (run >= 0) {
                    nanos[run] = elapsed;
                }
                archiveBytesRead = safeZip.archiveBytesRead();
                issues = safeZip.issues().size();
            }
        }
        Arrays.sort(nanos);
        double seconds = nanos[RUNS / 2] / 1e9;
        long archiveBytes = Files.size(zip);
        long contentBytes = (long) entries * entryBytes;
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"SafeZip.read\",\"method\":\"%s\",\"entries\":%d,"
                        + "\"entryBytes\":%d,\"archiveBytes\":%d,\"archiveBytesRead\":%d,\"readPerArchiveByte\":%.4f,"
                        + "\"medianSeconds\":%.3f,\"contentMBPerSecond\":%.1f,\"issues\":%d}",
                method, entries, entryBytes, archiveBytes, archiveBytesRead, (double) archiveBytesRead / archiveBytes,
                seconds, contentBytes / MB / seconds, issues));
    }

    /** The baseline: the same file read through once with plain stream I/O, nothing unpacked or checked. */
    private static void measureRawRead(Path zip, String method) throws IOException {
        long[] nanos = new long[RUNS];
        for (int run = -1; run < RUNS; run++) {
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(zip)) {
                consume(null, in);
            }
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double seconds = nanos[RUNS / 2] / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"bench\":\"raw file read\",\"method\":\"%s\","
                + "\"archiveBytes\":%d,\"medianSeconds\":%.3f,\"archiveMBPerSecond\":%.1f}", method, Files.size(zip),
                seconds, Files.size(zip) / MB / seconds));
    }

    /** What a copier does with each entry: read it through in 64 KB steps. */
    private static void consume(ZipEntryInfo entry, InputStream content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (content.read(buffer) >= 0) {
            // only the reading is timed
        }
    }
}
