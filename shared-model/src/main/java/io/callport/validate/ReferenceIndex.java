package io.callport.validate;

/**
 * Remembers the contact references seen in a file and the line of each, to report duplicates. A million-row file
 * must validate in a 256 MB heap, so references are kept as 64-bit hashes in open-addressed arrays (12 bytes
 * per row) rather than as strings; two different references sharing a 64-bit hash is about a one-in-ten-billion
 * event for a million rows.
 */
final class ReferenceIndex {
    private static final double MAX_LOAD = 0.6;

    private long[] hashes = new long[1024];
    private int[] lines = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Records the reference at this line; returns the line it was first seen on, or 0 when it is new. */
    int putIfAbsent(String reference, long line) {
        if (size >= hashes.length * MAX_LOAD) {
            grow();
        }
        long hash = hash64(reference);
        int slot = slotOf(hash, hashes.length);
        while (used[slot]) {
            if (hashes[slot] == hash) {
                return lines[slot];
            }
            slot = (slot + 1) & (hashes.length - 1);
        }
        used[slot] = true;
        hashes[slot] = hash;
        lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
        size++;
        return 0;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLines = lines;
        boolean[] oldUsed = used;
        hashes = new long[oldHashes.length * 2];
        lines = new int[oldHashes.length * 2];
        used = new boolean[oldHashes.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldUsed[i]) {
                int slot = slotOf(oldHashes[i], hashes.length);
                while (used[slot]) {
                    slot = (slot + 1) & (hashes.length - 1);
                }
                used[slot] = true;
                hashes[slot] = oldHashes[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    private static int slotOf(long hash, int capacity) {
        return (int) (hash ^ (hash >>> 32)) & (capacity - 1);
    }

    /** FNV-1a over the characters, finished with a 64-bit mixer so that similar ids spread over the table. */
    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
