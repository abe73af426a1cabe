package io.callport.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;
    private LocalBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new LocalBlobStore(root.resolve("blobs"));
    }

    @AfterEach
    void noTemporaryFileOutlivesAPut() throws IOException {
        try (Stream<Path> left = Files.list(store.tempFolder())) {
            assertThat(left).isEmpty();
        }
        store.close();
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void writesACrashLeftBehindAreClearedOnOpenButNotFreshOnes() throws IOException {
        Path abandoned = Files.writeString(store.tempFolder().resolve("put-1.part"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path inProgress = Files.writeString(store.tempFolder().resolve("put-2.part"), "writing");

        LocalBlobStore reopened = new LocalBlobStore(root.resolve("blobs"));

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        try (Stream<String> keys = reopened.list("")) {
            assertThat(keys).isEmpty();
        }
        Files.delete(inProgress);
    }

    @Test
    void keysAreFilesBelowTheRootAndDeletingPrunesEmptyFolders() throws IOException {
        store.put("sales/2026/call.wav", bytes("x"), 1);
        Path stored = root.resolve("blobs/sales/2026/call.wav");
        assertThat(stored).hasContent("x");

        store.delete("sales/2026/call.wav");

        assertThat(stored).doesNotExist();
        assertThat(root.resolve("blobs/sales")).doesNotExist();
        assertThat(root.resolve("blobs")).isDirectory();
    }
}
