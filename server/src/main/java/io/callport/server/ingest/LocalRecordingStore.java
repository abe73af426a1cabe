package io.callport.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recordings in the folder of the server's local blob store ({@code DATA_DIR/blobs}, laid out as
 * {@link io.callport.server.storage.LocalBlobStore} reads it). A recording is linked there (a hard link: no copy,
 * no new file to allocate; about twice the pipeline's speed) or, across file systems, copied; either goes to a
 * temporary name in the store's {@code .incoming} folder first and is moved into place atomically, so a key never
 * shows half a recording. Linking is safe because nothing writes to a landed file: an upload under the same name
 * lands as a new file that replaces the old name. The landing area has flushed the content to disk already.
 */
public final class LocalRecordingStore implements RecordingStore {
    /** The blob store's folder for writes in progress, which it does not list and clears of old leftovers. */
    static final String INCOMING = ".incoming";

    private final Path root;
    private final Path incoming;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    public LocalRecordingStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.incoming = Files.createDirectories(this.root.resolve(INCOMING));
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = pathOf(key);
        Path folder = target.getParent();
        // remembered once it exists: a worker storing into the same folder meanwhile creates it too
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
        Path partial = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            try {
                Files.createLink(partial, source);
            } catch (UnsupportedOperationException | IOException notLinkable) {
                Files.copy(source, partial);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    /** A key is '/'-separated names made by the pipeline; anything that would leave the root is refused. */
    Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root) || key.contains("\\")) {
            throw new IllegalArgumentException("'" + key + "' is not a recording key.");
        }
        return path;
    }
}
