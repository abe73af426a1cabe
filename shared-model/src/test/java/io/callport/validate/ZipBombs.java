package io.callport.validate;

import io.callport.archive.ZipWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Zip bombs made at test time: a few hundred KB on disk that would unpack to gigabytes. */
final class ZipBombs {
    private static final long MB = 1024 * 1024;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int END_RECORD_BYTES = 22;

    private ZipBombs() {
    }

    /**
     * The 42.zip kind: a zip of zips of zeros. {@code copies} inner zips of {@code copies} entries of
     * {@code entryMegabytes} each; unpacked recursively it is {@code copies² × entryMegabytes} MB.
     */
    static Path nested(Path target, int copies, long entryMegabytes) throws IOException {
        Path inner = Files.createTempFile(target.getParent(), "inner", ".zip");
        try (ZipWriter writer = ZipWriter.create(inner)) {
            for (int i = 0; i < copies; i++) {
                writer.zeros("zeros-" + i + ".csv", entryMegabytes * MB);
            }
        }
        byte[] innerBytes = Files.readAllBytes(inner);
        Files.delete(inner);
        try (ZipWriter writer = ZipWriter.create(target)) {
            for (int i = 0; i < copies; i++) {
                writer.add("bomb-" + i + ".zip", innerBytes);
            }
        }
        return target;
    }

    /**
     * The overlapping kind (Fifield, "A better zip bomb"): one entry's compressed data and {@code entries} central
     * directory records pointing at it, each under its own name, so every record claims the same
     * {@code entryMegabytes} of unpacked content. Names are {@code bomb-0000.csv}, {@code bomb-0001.csv}, ...
     */
    static Path overlapping(Path target, int entries, long entryMegabytes) throws IOException {
        try (ZipWriter writer = ZipWriter.create(target)) {
            writer.zeros(overlappingName(0), entryMegabytes * MB);
        }
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(target)).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.limit() - END_RECORD_BYTES;
        int centralSize = zip.getInt(end + 12);
        int centralStart = zip.getInt(end + 16);
        if (zip.getInt(centralStart) != CENTRAL_SIGNATURE) {
            throw new IllegalStateException("the single-entry zip has a comment or is not laid out as expected");
        }
        byte[] record = new byte[centralSize];
        zip.get(centralStart, record);
        int nameLength = Short.toUnsignedInt(zip.getShort(centralStart + 28));

        ByteBuffer bomb = ByteBuffer.allocate(centralStart + entries * centralSize + END_RECORD_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        bomb.put(zip.array(), 0, centralStart);
        for (int i = 0; i < entries; i++) {
            byte[] name = overlappingName(i).getBytes(StandardCharsets.US_ASCII);
            if (name.length != nameLength) {
                throw new IllegalArgumentException("too many entries for four-digit names: " + entries);
            }
            int at = bomb.position();
            bomb.put(record);
            bomb.put(at + 46, name);
        }
        bomb.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(entries * centralSize).putInt(centralStart).putShort((short) 0);
        return Files.write(target, bomb.array());
    }

    static String overlappingName(int index) {
        return "bomb-%04d.csv".formatted(index);
    }
}
