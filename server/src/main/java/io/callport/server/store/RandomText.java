package io.callport.server.store;

import java.security.SecureRandom;

/** Unguessable identifiers and secrets in base62, so they survive URLs, shells and double-click selection. */
public final class RandomText {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] LOWER36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {
    }

    /** {@code bytes} random bytes in base62: 32 bytes give 43 characters. */
    public static String base62(int bytes) {
        return base62(randomBytes(bytes));
    }

    static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    /** Bytes in base62 with a fixed width for their count; the order of the texts is the order of the numbers. */
    static String base62(byte[] bytes) {
        return encode(bytes, BASE62);
    }

    /** {@code length} random lowercase letters and digits, for names that must be case-insensitive. */
    public static String lowercase(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = LOWER36[RANDOM.nextInt(LOWER36.length)];
        }
        return new String(text);
    }

    /** Big-endian base conversion with a fixed width, so every output of the same size has the same length. */
    static String encode(byte[] bytes, char[] alphabet) {
        int width = (int) Math.ceil(bytes.length * 8 / (Math.log(alphabet.length) / Math.log(2)));
        int[] number = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            number[i] = bytes[i] & 0xff;
        }
        char[] digits = new char[width];
        for (int position = width - 1; position >= 0; position--) {
            int remainder = 0;
            for (int i = 0; i < number.length; i++) {
                int value = remainder * 256 + number[i];
                number[i] = value / alphabet.length;
                remainder = value % alphabet.length;
            }
            digits[position] = alphabet[remainder];
        }
        return new String(digits);
    }
}
