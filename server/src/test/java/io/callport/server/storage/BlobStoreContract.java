package io.callport.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link BlobStore} promises; each store's test extends this with a fresh, empty store. */
abstract class BlobStoreContract {
    /** Larger than one S3 part, so the S3 store goes multipart. */
    static final long LARGE = 2L * S3BlobStore.PART_SIZE + 12_345;

    abstract BlobStore store();

    @Test
    void storesAndStreamsBackWithSizeAndHash() throws IOException {
        StoredBlob stored = store().put("sales/2026/02/11/call-1.wav", bytes("RIFF recording"), 14);

        // sha256sum of the same text
        assertThat(stored).isEqualTo(new StoredBlob("sales/2026/02/11/call-1.wav", 14,
                "01d8dae818876c180f7a2edcd9eddb24e71985701d053d96085d54e521552ce0"));
        try (InputStream in = store().open("sales/2026/02/11/call-1.wav")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("RIFF recording");
        }
        assertThat(store().exists("sales/2026/02/11/call-1.wav")).isTrue();
        assertThat(store().exists("sales/2026/02/11/call-2.wav")).isFalse();
    }

    @Test
    void storesALargeBodyOfUnknownLengthWithoutKnowingItsSize() throws IOException {
        StoredBlob stored = store().put("large/unknown.bin", GeneratedContent.of(LARGE, 7), BlobStore.UNKNOWN_LENGTH);

        assertThat(stored.size()).isEqualTo(LARGE);
        assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(LARGE, 7));
        assertThat(sha256Of("large/unknown.bin")).isEqualTo(stored.sha256());
    }

    @Test
    void storesALargeBodyOfKnownLength() throws IOException {
        StoredBlob stored = store().put("large/known.bin", GeneratedContent.of(LARGE, 8), LARGE);

        assertThat(stored.size()).isEqualTo(LARGE);
        assertThat(sha256Of("large/known.bin")).isEqualTo(GeneratedContent.sha256(LARGE, 8));
    }

    @Test
    void storesAnExactPartSizedBodyAndAnEmptyOne() throws IOException {
        long exact = S3BlobStore.PART_SIZE;
        assertThat(store().put("edge/exact.bin", GeneratedContent.of(exact, 9), BlobStore.UNKNOWN_LENGTH).size())
                .isEqualTo(exact);
        assertThat(store().put("edge/empty.bin", bytes(""), BlobStore.UNKNOWN_LENGTH))
                .isEqualTo(new StoredBlob("edge/empty.bin", 0, sha256("")));

        assertThat(sha256Of("edge/exact.bin")).isEqualTo(GeneratedContent.sha256(exact, 9));
        try (InputStream in = store().open("edge/empty.bin")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void storesAFileFromDisk(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("call.mp3"), "ID3 content");

        assertThat(store().put("from-disk/call.mp3", file)).isEqualTo(new StoredBlob("from-disk/call.mp3", 11,
                sha256("ID3 content")));
    }

    @Test
    void aPutReplacesTheBlob() throws IOException {
        store().put("k/v.txt", bytes("first"), 5);
        store().put("k/v.txt", bytes("second!"), 7);

        try (InputStream in = store().open("k/v.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second!");
        }
    }

    @Test
    void aBodyShorterOrLongerThanAnnouncedStoresNothing() throws IOException {
        assertThatThrownBy(() -> store().put("short.bin", bytes("abc"), 4))
                .isInstanceOf(IOException.class).hasMessageContaining("had 3 bytes instead of the 4 announced");
        assertThatThrownBy(() -> store().put("long.bin", GeneratedContent.of(LARGE, 1), LARGE - 1))
                .isInstanceOf(IOException.class).hasMessageContaining("instead of the " + (LARGE - 1) + " announced");

        assertThat(store().exists("short.bin")).isFalse();
        assertThat(store().exists("long.bin")).isFalse();
    }

    @Test
    void aFailingBodyLeavesThePreviousBlobWhole() throws IOException {
        store().put("k/keep.bin", bytes("previous"), 8);

        assertThatThrownBy(() -> store().put("k/keep.bin", failingAfter(LARGE, S3BlobStore.PART_SIZE + 10),
                BlobStore.UNKNOWN_LENGTH)).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
        assertThatThrownBy(() -> store().put("k/new.bin", failingAfter(100, 50), BlobStore.UNKNOWN_LENGTH))
                .isInstanceOf(IOException.class);

        try (InputStream in = store().open("k/keep.bin")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("previous");
        }
        assertThat(keys("k/")).containsExactly("k/keep.bin");
    }

    @Test
    void opensPartiallyAndClosesEarly() throws IOException {
        store().put("big.bin", GeneratedContent.of(LARGE, 3), LARGE);

        try (InputStream in = store().open("big.bin")) {
            byte[] head = in.readNBytes(10);
            try (InputStream expected = GeneratedContent.of(LARGE, 3)) {
                assertThat(head).isEqualTo(expected.readNBytes(10));
            }
        }
    }

    @Test
    void aMissingBlobIsNoSuchFile() {
        assertThatThrownBy(() -> store().open("nowhere/none.wav")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nowhere/none.wav");
    }

    @Test
    void deletesAndDeletingTwiceIsFine() throws IOException {
        store().put("d/one.txt", bytes("1"), 1);
        store().put("d/two.txt", bytes("2"), 1);

        store().delete("d/one.txt");
        store().delete("d/one.txt");

        assertThat(store().exists("d/one.txt")).isFalse();
        assertThat(keys("")).containsExactly("d/two.txt");
    }

    @Test
    void listsByTextPrefix() throws IOException {
        for (String key : List.of("a/1.wav", "a/sub/2.wav", "ab/3.wav", "b/4.wav", "a.wav")) {
            store().put(key, bytes(key), BlobStore.UNKNOWN_LENGTH);
        }

        assertThat(keys("a/")).containsExactlyInAnyOrder("a/1.wav", "a/sub/2.wav");
        assertThat(keys("a")).containsExactlyInAnyOrder("a/1.wav", "a/sub/2.wav", "ab/3.wav", "a.wav");
        assertThat(keys("a/s")).containsExactly("a/sub/2.wav");
        assertThat(keys("")).hasSize(5);
        assertThat(keys("c/")).isEmpty();
    }

    @Test
    void refusesKeysThatCouldEscapeOrAreNotPortable() {
        for (String key : List.of("../etc/passwd", "a/../../b", "/abs/path", "a//b", "a/./b", "trailing/",
                "back\\slash", "c:drive", "nul\u0000byte", "", ".hidden", "a/.incoming/x")) {
            assertThatThrownBy(() -> store().put(key, bytes("x"), 1)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store().list("../")).isInstanceOf(IllegalArgumentException.class);
    }

    List<String> keys(String prefix) throws IOException {
        try (Stream<String> keys = store().list(prefix)) {
            return keys.sorted().toList();
        }
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sha256Of(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            HashingInputStream hashing = new HashingInputStream(in);
            hashing.transferTo(java.io.OutputStream.nullOutputStream());
            return hashing.sha256Hex();
        }
    }

    /** A body of {@code size} bytes whose connection drops after {@code failAt} bytes. */
    static InputStream failingAfter(long size, long failAt) {
        return new FilterInputStream(GeneratedContent.of(size, 5)) {
            private long read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read >= failAt) {
                    throw new IOException("connection reset by peer");
                }
                int n = super.read(buffer, offset, (int) Math.min(length, failAt - read));
                read += Math.max(n, 0);
                return n;
            }
        };
    }
}
