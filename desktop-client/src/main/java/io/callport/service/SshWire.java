package io.callport.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The SSH wire encoding (RFC 4251): big-endian 32-bit integers and length-prefixed strings. */
final class SshWire {
    private SshWire() {
    }

    /** Reads wire-encoded values one after the other. */
    static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] bytes) {
            buffer = ByteBuffer.wrap(bytes);
        }

        int uint32() {
            return buffer.getInt();
        }

        byte[] string() {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("A key field claims " + length + " bytes; the key is damaged.");
            }
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        String text() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        /** Whether the bytes start with the given prefix, which is then skipped. */
        boolean skip(byte[] prefix) {
            if (buffer.remaining() < prefix.length) {
                return false;
            }
            for (byte b : prefix) {
                if (buffer.get() != b) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes wire-encoded values one after the other. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int value) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
            return this;
        }

        Writer string(byte[] value) {
            uint32(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer text(String value) {
            return string(value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
