package io.callport.service;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Finds where a line starts in encoded bytes without decoding them, counting a line break the way the CSV reader
 * does: LF, CR LF or a lone CR. UTF-16 and UTF-32 text is read in units of 2 or 4 bytes.
 */
final class LineBreaks {
    private LineBreaks() {
    }

    /** The offset of the first byte of a 1-based line, or the length of the bytes when they have fewer lines. */
    static int startOfLine(byte[] bytes, long line, Charset charset) {
        Unit unit = Unit.of(charset, bytes);
        int offset = 0;
        for (long current = 1; current < line; current++) {
            offset = afterNextBreak(bytes, offset, unit);
            if (offset == bytes.length) {
                return offset;
            }
        }
        return offset;
    }

    private static int afterNextBreak(byte[] bytes, int from, Unit unit) {
        for (int i = from; i + unit.width <= bytes.length; i += unit.width) {
            int c = unit.at(bytes, i);
            if (c == '\n') {
                return i + unit.width;
            }
            if (c == '\r') {
                int next = i + unit.width;
                return next + unit.width <= bytes.length && unit.at(bytes, next) == '\n' ? next + unit.width : next;
            }
        }
        return bytes.length;
    }

    /** How one character code unit is stored. */
    private record Unit(int width, boolean littleEndian) {
        static Unit of(Charset charset, byte[] bytes) {
            String name = charset.name().toUpperCase(Locale.ROOT);
            int width = name.startsWith("UTF-16") ? 2 : name.startsWith("UTF-32") ? 4 : 1;
            boolean littleEndian = name.endsWith("LE")
                    || (!name.endsWith("BE") && bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && bytes[1] == (byte) 0xFE);
            return new Unit(width, littleEndian);
        }

        int at(byte[] bytes, int offset) {
            int value = 0;
            for (int k = 0; k < width; k++) {
                int b = bytes[offset + (littleEndian ? width - 1 - k : k)] & 0xFF;
                value = (value << 8) | b;
            }
            return value;
        }
    }
}
