package io.callport.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Builds variants of the media fixtures at test time: cut short, patched, prefixed. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String fixture) throws IOException {
        return Files.readAllBytes(MediaFixtures.file(fixture));
    }

    static byte[] firstBytes(String fixture, int length) throws IOException {
        return Arrays.copyOf(bytes(fixture), length);
    }

    static Path write(Path directory, String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    /** The offset of the first occurrence of {@code needle} at or after {@code from}; fails the test if absent. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int at = from; at + needle.length <= haystack.length; at++) {
            if (Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        throw new AssertionError("fixture bytes not found: " + Arrays.toString(needle));
    }

    /** A copy with {@code replacement} written over the bytes at {@code at}. */
    static byte[] overwrite(byte[] content, int at, byte... replacement) {
        byte[] copy = content.clone();
        System.arraycopy(replacement, 0, copy, at, replacement.length);
        return copy;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
