package io.callport.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Edits the bytes of a small test zip in place, to make the kinds of damage and lies a hostile zip carries. */
final class ZipPatch {

    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int END_SIGNATURE = 0x06054b50;

    private final Path file;
    private final ByteBuffer bytes;

    private ZipPatch(Path file) throws IOException {
        this.file = file;
        this.bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ZipPatch of(Path file) throws IOException {
        return new ZipPatch(file);
    }

    /** Renames an entry in both headers; the new name must be as long, in bytes, as the old one. */
    ZipPatch rename(String entryName, String newName) {
        byte[] replacement = newName.getBytes(StandardCharsets.UTF_8);
        bytes.put(header(LOCAL_SIGNATURE, 26, entryName) + 30, replacement);
        bytes.put(header(CENTRAL_SIGNATURE, 28, entryName) + 46, replacement);
        return this;
    }

    /** Sets general-purpose flag bits (bit 0: encrypted, bit 6: strong encryption) in both headers. */
    ZipPatch setFlags(String entryName, int bits) {
        int local = header(LOCAL_SIGNATURE, 26, entryName);
        bytes.putShort(local + 6, (short) (bytes.getShort(local + 6) | bits));
        int central = header(CENTRAL_SIGNATURE, 28, entryName);
        bytes.putShort(central + 8, (short) (bytes.getShort(central + 8) | bits));
        return this;
    }

    /** Lies about the uncompressed size in the central directory, which is what readers of the directory trust. */
    ZipPatch setDeclaredSize(String entryName, int size) {
        bytes.putInt(header(CENTRAL_SIGNATURE, 28, entryName) + 24, size);
        return this;
    }

    /** Declares a compression method in the central directory (14 is LZMA). */
    ZipPatch setMethod(String entryName, int method) {
        bytes.putShort(header(CENTRAL_SIGNATURE, 28, entryName) + 10, (short) method);
        return this;
    }

    /** Moves the end record's pointer to the central directory, as a damaged zip would. */
    ZipPatch shiftCentralDirectoryOffset(int delta) {
        int end = lastIndexOf(END_SIGNATURE);
        bytes.putInt(end + 16, bytes.getInt(end + 16) + delta);
        return this;
    }

    /** Points one entry's central record at another entry's local header, so the two share data. */
    ZipPatch pointAtDataOf(String entryName, String otherEntryName) {
        int otherOffset = bytes.getInt(header(CENTRAL_SIGNATURE, 28, otherEntryName) + 42);
        bytes.putInt(header(CENTRAL_SIGNATURE, 28, entryName) + 42, otherOffset);
        return this;
    }

    /** Flips a byte in the middle of an entry's stored data. */
    ZipPatch flipDataByte(String entryName) {
        int local = header(LOCAL_SIGNATURE, 26, entryName);
        int dataStart = local + 30 + Short.toUnsignedInt(bytes.getShort(local + 26))
                + Short.toUnsignedInt(bytes.getShort(local + 28));
        int middle = dataStart + bytes.getInt(local + 18) / 2;
        bytes.put(middle, (byte) ~bytes.get(middle));
        return this;
    }

    /** Claims a different entry count in the end record; readers that trust it can be fooled. */
    ZipPatch setEndRecordEntryCount(int count) {
        int end = lastIndexOf(END_SIGNATURE);
        bytes.putShort(end + 8, (short) count);
        bytes.putShort(end + 10, (short) count);
        return this;
    }

    ZipPatch truncateBy(int count) {
        bytes.limit(bytes.limit() - count);
        return this;
    }

    void write() throws IOException {
        Files.write(file, Arrays.copyOf(bytes.array(), bytes.limit()));
    }

    private int header(int signature, int nameLengthOffset, String entryName) {
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        int nameStart = signature == LOCAL_SIGNATURE ? 30 : 46;
        for (int at = 0; at + nameStart <= bytes.limit(); at++) {
            if (bytes.getInt(at) == signature && Short.toUnsignedInt(bytes.getShort(at + nameLengthOffset)) == name.length
                    && Arrays.equals(bytes.array(), at + nameStart, at + nameStart + name.length, name, 0, name.length)) {
                return at;
            }
        }
        throw new IllegalArgumentException("No header for " + entryName + " in " + file);
    }

    private int lastIndexOf(int signature) {
        for (int at = bytes.limit() - 4; at >= 0; at--) {
            if (bytes.getInt(at) == signature) {
                return at;
            }
        }
        throw new IllegalArgumentException("No signature " + Integer.toHexString(signature) + " in " + file);
    }
}
