package io.callport.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * An entry's content as the reader sees it. It never asks the decompressor for more than one byte beyond the
 * declared size, so an entry that lies about its size (a zip bomb) stops there instead of inflating on; it notices
 * an entry that ends early, damaged compressed data and a wrong checksum. Each defect is thrown to the reader as an
 * {@link EntryDefectException} and remembered for {@link SafeZip} to report.
 */
final class CheckedEntryStream extends InputStream {

    enum Defect { LONGER_THAN_DECLARED, SHORTER_THAN_DECLARED, DAMAGED }

    /** Tells the reader the entry is unusable; SafeZip reports why. */
    static final class EntryDefectException extends IOException {
        EntryDefectException(Defect defect) {
            super("The zip entry is unusable: " + defect.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private static final int DRAIN_BUFFER_BYTES = 8 * 1024;

    private final InputStream decompressed;
    private final long declaredSize;
    private final long declaredCrc;
    private final ArchiveChannel archive;
    private final CRC32 crc = new CRC32();
    private long delivered;
    private boolean ended;
    private Defect defect;

    /**
     * @param declaredCrc the central directory's CRC-32, or -1 when it has none
     * @param archive     consulted when the decompressor fails, to tell a failing file from damaged data
     */
    CheckedEntryStream(InputStream decompressed, long declaredSize, long declaredCrc, ArchiveChannel archive) {
        this.decompressed = decompressed;
        this.declaredSize = declaredSize;
        this.declaredCrc = declaredCrc;
        this.archive = archive;
    }

    Defect defect() {
        return defect;
    }

    /** Bytes handed out so far; the entry's real size once it ended. */
    long delivered() {
        return delivered;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (defect != null) {
            throw new EntryDefectException(defect);
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int read = readDecompressed(buffer, offset, (int) Math.min(length, declaredSize + 1 - delivered));
        if (read < 0) {
            ended = true;
            checkEnd();
            return -1;
        }
        if (delivered + read > declaredSize) {
            throw fail(Defect.LONGER_THAN_DECLARED);
        }
        crc.update(buffer, offset, read);
        delivered += read;
        return read;
    }

    /** Reads what the reader left, through the same checks, so the verdict does not depend on how much it read. */
    void drain() throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        while (read(buffer, 0, buffer.length) >= 0) {
            // only the checks matter
        }
    }

    /** Leaves the decompressor to SafeZip, which drains and closes it after the reader is done. */
    @Override
    public void close() {
    }

    private int readDecompressed(byte[] buffer, int offset, int length) throws IOException {
        try {
            return decompressed.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            // a decompressor meeting hostile bytes may throw anything; only the file's own failure is an I/O error
            archive.rethrowFailure();
            throw fail(Defect.DAMAGED);
        }
    }

    private void checkEnd() throws EntryDefectException {
        if (delivered < declaredSize) {
            throw fail(Defect.SHORTER_THAN_DECLARED);
        }
        if (declaredCrc >= 0 && crc.getValue() != declaredCrc) {
            throw fail(Defect.DAMAGED);
        }
    }

    private EntryDefectException fail(Defect found) {
        defect = found;
        return new EntryDefectException(found);
    }
}
