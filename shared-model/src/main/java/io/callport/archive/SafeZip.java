package io.callport.archive;

import io.callport.validate.Issue;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A zip read as the batch it contains, without unpacking it to disk. Opening reads the central directory only and
 * turns everything hostile in it into issues; {@link #read} then streams each safe entry once, in archive order,
 * enforcing its declared size. An unsafe entry is left out with its issue and the others stay usable. Not thread-safe.
 *
 * <p>What a reader leaves unread of an entry is drained through the same checks after it returns, so the issues do
 * not depend on how much a reader looked at: a size mismatch or damage is found either way, and since draining also
 * stops one byte beyond the declared size, an entry that lies about its size still cannot inflate further.
 */
public final class SafeZip implements Closeable {

    /** Receives one entry's content; the stream ends at the entry's end and throws if the entry proves unusable. */
    @FunctionalInterface
    public interface EntryReader {
        void read(ZipEntryInfo entry, InputStream content) throws IOException;
    }

    private final ZipIssues found;
    private final ArchiveChannel archive;
    private final ZipFile zipFile;
    private final long centralDirectoryStart;
    private final List<SafeEntry> safe;
    private final List<Issue> issues;
    private boolean readStarted;

    private SafeZip(ZipIssues found, ArchiveChannel archive, ZipFile zipFile, long centralDirectoryStart,
                    List<SafeEntry> safe, List<Issue> issues) {
        this.found = found;
        this.archive = archive;
        this.zipFile = zipFile;
        this.centralDirectoryStart = centralDirectoryStart;
        this.safe = safe;
        this.issues = new ArrayList<>(issues);
    }

    /**
     * Reads the zip's central directory. A hostile or damaged zip never throws: it yields issues (and no entries
     * when the zip as a whole is refused).
     *
     * @throws IOException only when the file itself cannot be read
     */
    public static SafeZip open(Path zip, ZipLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Path name = zip.getFileName();
        ZipIssues found = new ZipIssues(name == null ? zip.toString() : name.toString());
        ArchiveChannel archive = new ArchiveChannel(FileChannel.open(zip, StandardOpenOption.READ));
        try {
            return inspect(found, archive, limits);
        } catch (IOException | RuntimeException | Error e) {
            archive.close();
            throw e;
        }
    }

    private static SafeZip inspect(ZipIssues found, ArchiveChannel archive, ZipLimits limits) throws IOException {
        long size = archive.size();
        if (size > limits.maxArchiveBytes()) {
            return refused(found, archive, found.tooLarge(size, limits.maxArchiveBytes()));
        }
        Optional<CentralDirectory> measured = CentralDirectory.measure(archive, limits.maxEntries(),
                limits.maxCentralDirectoryBytes());
        if (measured.isEmpty()) {
            return refused(found, archive, found.unreadable());
        }
        CentralDirectory directory = measured.get();
        if (directory.entries() > limits.maxEntries()) {
            return refused(found, archive, found.tooManyEntries(limits.maxEntries()));
        }
        if (directory.bytes() > limits.maxCentralDirectoryBytes()) {
            return refused(found, archive, found.centralDirectoryTooLarge(limits.maxCentralDirectoryBytes()));
        }
        if (!directory.countMatchesEndRecord()) {
            return refused(found, archive, found.unreadable());
        }
        ZipFile zipFile;
        try {
            // local headers are read when each entry is read, so opening touches the central directory only
            zipFile = ZipFile.builder().setSeekableByteChannel(archive).setIgnoreLocalFileHeader(true)
                    .setUseUnicodeExtraFields(true).get();
        } catch (IOException | RuntimeException e) {
            // the parser meets hostile bytes; unless the file itself failed, whatever it throws means a damaged zip
            archive.rethrowFailure();
            return refused(found, archive, found.unreadable());
        }
        EntryScreen.Result screened = EntryScreen.screen(Collections.list(zipFile.getEntries()), limits, found);
        return new SafeZip(found, archive, zipFile, directory.start(), screened.safe(), screened.issues());
    }

    private static SafeZip refused(ZipIssues found, ArchiveChannel archive, Issue reason) {
        return new SafeZip(found, archive, null, 0, List.of(), List.of(reason));
    }

    /** The zip's file name, as issues name it. */
    public String displayName() {
        return found.displayName();
    }

    /** Safe entries (no folders, no junk) in central directory order; {@link #read} may still find some unusable. */
    public List<ZipEntryInfo> entries() {
        return safe.stream().map(SafeEntry::info).toList();
    }

    /** Everything found so far: the central directory's issues, then those found while reading. */
    public List<Issue> issues() {
        return List.copyOf(issues);
    }

    /** Bytes read from the zip file so far; reading every entry once reads about the file's size. */
    public long archiveBytesRead() {
        return archive.bytesRead();
    }

    /**
     * Streams each safe entry once, in the order the entries lie in the file. An entry that proves unusable while
     * it is read (size mismatch, damage, data shared with another entry) gets its issue; the reader sees an
     * IOException for it and the next entry follows.
     *
     * @throws IOException when the zip file cannot be read or the reader fails for its own reasons
     */
    public void read(EntryReader reader) throws IOException {
        if (readStarted) {
            throw new IllegalStateException("A SafeZip streams its entries once; read() was already called.");
        }
        readStarted = true;
        if (zipFile == null) {
            return;
        }
        Map<ZipArchiveEntry, Long> dataEnds = dataEnds();
        List<SafeEntry> inFileOrder = safe.stream()
                .sorted(Comparator.comparingLong(entry -> entry.entry().getLocalHeaderOffset()))
                .toList();
        for (SafeEntry entry : inFileOrder) {
            readEntry(entry, dataEnds.get(entry.entry()), reader);
        }
    }

    /**
     * Where each entry's data must end: at the next entry's local header, or at the central directory. Two entries
     * sharing bytes is how the most compact zip bombs work, and it would make "each entry read once" untrue.
     */
    private Map<ZipArchiveEntry, Long> dataEnds() {
        List<ZipArchiveEntry> all = Collections.list(zipFile.getEntriesInPhysicalOrder());
        Map<ZipArchiveEntry, Long> ends = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ends.put(all.get(i), i + 1 < all.size() ? all.get(i + 1).getLocalHeaderOffset() : centralDirectoryStart);
        }
        return ends;
    }

    private void readEntry(SafeEntry safeEntry, long dataEnd, EntryReader reader) throws IOException {
        ZipArchiveEntry entry = safeEntry.entry();
        ZipEntryInfo info = safeEntry.info();
        InputStream decompressed;
        try {
            decompressed = zipFile.getInputStream(entry);
        } catch (IOException | RuntimeException e) {
            archive.rethrowFailure();
            issues.add(found.damaged(info.path()));
            return;
        }
        try (decompressed) {
            if (entry.getDataOffset() + entry.getCompressedSize() > dataEnd) {
                issues.add(found.overlapping(info.path()));
                return;
            }
            CheckedEntryStream content = new CheckedEntryStream(decompressed, entry.getSize(), entry.getCrc(), archive);
            try {
                reader.read(info, content);
                content.drain();
            } catch (IOException | RuntimeException e) {
                if (content.defect() == null) {
                    throw e;
                }
                // the reader stopped because the content failed its checks; that is reported below
            }
            if (content.defect() != null) {
                issues.add(switch (content.defect()) {
                    case LONGER_THAN_DECLARED -> found.longerThanDeclared(info);
                    case SHORTER_THAN_DECLARED -> found.shorterThanDeclared(info, content.delivered());
                    case DAMAGED -> found.damaged(info.path());
                });
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (zipFile != null) {
            zipFile.close();
        }
        archive.close();
    }
}
