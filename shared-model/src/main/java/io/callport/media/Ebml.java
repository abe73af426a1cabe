package io.callport.media;

/**
 * EBML, the binary markup of Matroska and WebM: every element is a variable-length ID, a variable-length size and
 * the data. Lengths are coded by the position of the first set bit of the first byte.
 */
final class Ebml {

    static final long UNKNOWN_SIZE = -1;
    /** The longest element header: a 4-byte ID and an 8-byte size. */
    static final int MAX_HEADER_BYTES = 12;

    /**
     * An element header.
     *
     * @param id           the ID with its length marker bits, as the specification writes IDs (0x1A45DFA3)
     * @param size         the data size, or {@link #UNKNOWN_SIZE} for a live stream's open-ended element
     * @param headerLength bytes taken by the ID and size
     */
    record Header(long id, long size, int headerLength) {

        boolean sizeKnown() {
            return size != UNKNOWN_SIZE;
        }
    }

    private Ebml() {
    }

    /** The element header at {@code at}, or null when the bytes there are not one (or are cut short). */
    static Header header(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return null;
        }
        int idLength = codedLength(bytes[at]);
        if (idLength == 0 || idLength > 4 || at + idLength >= bytes.length) {
            return null;
        }
        long id = Bytes.uintBe(bytes, at, idLength);
        int sizeAt = at + idLength;
        int sizeLength = codedLength(bytes[sizeAt]);
        if (sizeLength == 0 || sizeAt + sizeLength > bytes.length) {
            return null;
        }
        long allOnes = (1L << (7 * sizeLength)) - 1; // every value bit set: "size unknown"
        long size = Bytes.uintBe(bytes, sizeAt, sizeLength) & allOnes;
        return new Header(id, size == allOnes ? UNKNOWN_SIZE : size, idLength + sizeLength);
    }

    /** A track number in a block: coded like a size, without the marker bit. Returns {value, length} or null. */
    static long[] codedNumber(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return null;
        }
        int length = codedLength(bytes[at]);
        if (length == 0 || at + length > bytes.length) {
            return null;
        }
        return new long[]{Bytes.uintBe(bytes, at, length) & ((1L << (7 * length)) - 1), length};
    }

    static long uint(byte[] bytes, int at, long size) {
        return Bytes.uintBe(bytes, at, (int) Math.min(size, 8));
    }

    /** A float element: 4 or 8 bytes (0 for anything else, as the specification allows an empty float). */
    static double floatValue(byte[] bytes, int at, long size) {
        if (size == 4) {
            return Float.intBitsToFloat((int) Bytes.u32be(bytes, at));
        }
        return size == 8 ? Double.longBitsToDouble(Bytes.u64be(bytes, at)) : 0;
    }

    /** 1 to 8 from the first set bit of the first byte; 0 when the byte is 0 (invalid). */
    private static int codedLength(byte first) {
        return first == 0 ? 0 : Integer.numberOfLeadingZeros(first & 0xFF) - 23;
    }
}
