package io.callport.archive;

import io.callport.validate.Limits;

/**
 * How much of a zip Callport is willing to read.
 *
 * @param maxArchiveBytes  largest zip file accepted
 * @param maxExpandedBytes largest total its entries may unpack to
 * @param maxEntries       most entries its central directory may list
 */
public record ZipLimits(long maxArchiveBytes, long maxExpandedBytes, int maxEntries) {

    /**
     * Average room per allowed entry in the central directory (name, extra fields, comment). Real names need a
     * few hundred bytes; the cap keeps a directory of 64 KB names from filling the heap.
     */
    static final long CENTRAL_DIRECTORY_BYTES_PER_ENTRY = 1024;

    public ZipLimits {
        if (maxArchiveBytes <= 0 || maxExpandedBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("Zip limits must be positive: " + maxArchiveBytes + ", "
                    + maxExpandedBytes + ", " + maxEntries);
        }
    }

    public static ZipLimits defaults() {
        return new ZipLimits(Limits.MAX_ZIP_BYTES, Limits.MAX_ZIP_EXPANDED_BYTES, Limits.MAX_ZIP_ENTRIES);
    }

    /** Largest central directory read; it is held in memory as entry objects, so it is bounded with the count. */
    public long maxCentralDirectoryBytes() {
        return maxEntries * CENTRAL_DIRECTORY_BYTES_PER_ENTRY;
    }
}
