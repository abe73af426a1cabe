package io.callport.media;

import java.nio.charset.StandardCharsets;

/** Reads numbers and tags out of header bytes; containers mix byte orders, so each method names its own. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    static int u16le(byte[] bytes, int at) {
        return u8(bytes, at) | u8(bytes, at + 1) << 8;
    }

    static int u16be(byte[] bytes, int at) {
        return u8(bytes, at) << 8 | u8(bytes, at + 1);
    }

    static int u24be(byte[] bytes, int at) {
        return u16be(bytes, at) << 8 | u8(bytes, at + 2);
    }

    static long u32le(byte[] bytes, int at) {
        return (u16le(bytes, at) | (long) u16le(bytes, at + 2) << 16) & 0xFFFF_FFFFL;
    }

    static long u32be(byte[] bytes, int at) {
        return ((long) u16be(bytes, at) << 16 | u16be(bytes, at + 2)) & 0xFFFF_FFFFL;
    }

    static long u64le(byte[] bytes, int at) {
        return u32le(bytes, at) | u32le(bytes, at + 4) << 32;
    }

    static long u64be(byte[] bytes, int at) {
        return u32be(bytes, at) << 32 | u32be(bytes, at + 4);
    }

    /** Big-endian unsigned integer of 1 to 8 bytes (an EBML element's value). */
    static long uintBe(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | u8(bytes, at + i);
        }
        return value;
    }

    static String ascii(byte[] bytes, int at, int length) {
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code bytes} holds the ASCII text {@code tag} at {@code at} (false when it is too short). */
    static boolean hasAscii(byte[] bytes, int at, String tag) {
        if (at < 0 || at + tag.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (bytes[at + i] != (byte) tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes} holds {@code expected} at {@code at} (false when it is too short). */
    static boolean has(byte[] bytes, int at, byte[] expected) {
        if (at < 0 || at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last index at or before {@code from} where {@code needle} starts, or -1. */
    static int lastIndexOf(byte[] bytes, byte[] needle, int from) {
        for (int at = Math.min(from, bytes.length - needle.length); at >= 0; at--) {
            if (has(bytes, at, needle)) {
                return at;
            }
        }
        return -1;
    }

    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
