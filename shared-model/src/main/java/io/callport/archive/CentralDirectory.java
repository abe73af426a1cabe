package io.callport.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Where a zip's central directory starts, how many entries it lists and how many bytes it takes, measured before
 * commons-compress loads it. ZipFile keeps every entry in memory, and a hostile zip can list millions of entries
 * (all pointing at the same data) or 64 KB names in a few hundred megabytes, so the limits must be checked first.
 * The directory is found the way ZipFile finds it (the last end record, its Zip64 locator, a prepended stub) and
 * walked header by header without keeping anything.
 *
 * @param start           offset of the first central directory header
 * @param declaredEntries the entry count the end record states
 * @param zip64           whether the end record is a Zip64 one
 * @param entries         headers counted, stopping once a limit is passed
 * @param bytes           bytes of the headers counted
 */
record CentralDirectory(long start, long declaredEntries, boolean zip64, long entries, long bytes) {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT_LENGTH = 0xFFFF;
    private static final int SHORT_COMMENT_LENGTH = 1024;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int HEADER_SIGNATURE = 0x02014b50;
    private static final int HEADER_LENGTH = 46;

    /** Where the end record says the directory is. */
    private record Location(long start, long declaredEntries, boolean zip64) {
    }

    /** Empty when the file has no end-of-central-directory record, that is when it is not a zip. */
    static Optional<CentralDirectory> measure(SeekableByteChannel zip, long maxEntries, long maxBytes)
            throws IOException {
        Optional<Location> location = locate(zip);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        long entries = 0;
        long bytes = 0;
        long position = location.get().start();
        while (entries <= maxEntries && bytes <= maxBytes) {
            ByteBuffer header = readAt(zip, position, HEADER_LENGTH);
            if (header == null || header.getInt(0) != HEADER_SIGNATURE) {
                break;
            }
            int length = HEADER_LENGTH + unsignedShort(header, 28) + unsignedShort(header, 30)
                    + unsignedShort(header, 32);
            entries++;
            bytes += length;
            position += length;
        }
        return Optional.of(new CentralDirectory(location.get().start(), location.get().declaredEntries(),
                location.get().zip64(), entries, bytes));
    }

    /**
     * Whether the headers found are as many as the end record states. Fewer means the directory is damaged and
     * entries would silently go missing. Writers without Zip64 store the count modulo 65,536, so that is accepted.
     */
    boolean countMatchesEndRecord() {
        return entries == declaredEntries || !zip64 && (entries & 0xFFFF) == declaredEntries;
    }

    /** The end record is the last one in the file, before a comment of up to 64 KB; most zips have none. */
    private static Optional<Location> locate(SeekableByteChannel zip) throws IOException {
        Optional<Location> nearTheEnd = locateWithin(zip, END_LENGTH + SHORT_COMMENT_LENGTH);
        return nearTheEnd.isPresent() ? nearTheEnd : locateWithin(zip, END_LENGTH + MAX_COMMENT_LENGTH);
    }

    private static Optional<Location> locateWithin(SeekableByteChannel zip, int tailLength) throws IOException {
        long size = zip.size();
        int window = (int) Math.min(size, tailLength);
        ByteBuffer tail = readAt(zip, size - window, window);
        if (tail == null) {
            return Optional.empty();
        }
        for (int at = window - END_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE) {
                ByteBuffer endRecord = tail.slice(at, END_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
                return locationFromEndRecord(zip, size - window + at, endRecord);
            }
        }
        return Optional.empty();
    }

    private static Optional<Location> locationFromEndRecord(SeekableByteChannel zip, long endRecordOffset,
                                                            ByteBuffer endRecord) throws IOException {
        ByteBuffer locator = readAt(zip, endRecordOffset - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator != null && locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
            ByteBuffer zip64End = readAt(zip, locator.getLong(8), ZIP64_END_LENGTH);
            return zip64End != null && zip64End.getInt(0) == ZIP64_END_SIGNATURE
                    ? Optional.of(new Location(zip64End.getLong(48), zip64End.getLong(32), true))
                    : Optional.empty();
        }
        long directorySize = Integer.toUnsignedLong(endRecord.getInt(12));
        long directoryOffset = Integer.toUnsignedLong(endRecord.getInt(16));
        // as ZipFile does: bytes before the first entry (a self-extractor stub) shift every recorded offset
        long prepended = Math.max(0, endRecordOffset - directorySize - directoryOffset);
        return Optional.of(new Location(directoryOffset + prepended, unsignedShort(endRecord, 10), false));
    }

    /** The bytes at an offset, little-endian; null when they are not all inside the file. */
    private static ByteBuffer readAt(SeekableByteChannel zip, long offset, int length) throws IOException {
        if (offset < 0 || offset > zip.size() - length) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        zip.position(offset);
        while (buffer.hasRemaining()) {
            if (zip.read(buffer) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    private static int unsignedShort(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt(buffer.getShort(index));
    }
}
