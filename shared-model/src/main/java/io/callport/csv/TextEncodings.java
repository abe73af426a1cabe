package io.callport.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Byte-order marks: they decide UTF-16's byte order and are never part of the first header cell. */
public final class TextEncodings {
    private static final int LONGEST_BOM = 3;

    private TextEncodings() {
    }

    /** A reader of the stream in the given encoding, or in the one its byte-order mark names. */
    static DecodingReader open(InputStream in, Charset declared) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, LONGEST_BOM);
        byte[] head = pushback.readNBytes(LONGEST_BOM);
        Charset bomCharset = charsetOfBom(head);
        int bomLength = bomLength(head);
        pushback.unread(head, bomLength, head.length - bomLength);
        return new DecodingReader(pushback, bomCharset != null ? bomCharset : declared);
    }

    /** The charset a byte-order mark at the start of these bytes names, or null without one. */
    public static Charset charsetOfBom(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] head) {
        Charset charset = charsetOfBom(head);
        if (charset == null) {
            return 0;
        }
        return charset == StandardCharsets.UTF_8 ? 3 : 2;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
