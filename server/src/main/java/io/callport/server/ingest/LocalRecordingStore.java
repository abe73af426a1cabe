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
 * Recordings in a folder on the server's disk ({@code DATA_DIR/recordings}). A recording is linked (a hard link:
 * no copy, no new file to allocate) or, across file systems, copied to a temporary name beside its place and
 * moved there atomically, so a key never shows half a recording. Linking is safe because nothing writes to a
 * landed file: an upload under the same name lands as a new file that replaces the old name.
 */
public final class LocalRecordingStore implements RecordingStore {
    private final Path root;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    public LocalRecordingStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path source) throws IOException {
        Path target = pathOf(key);
        Path folder = target.getParent();
        if (folders.add(folder)) {
            Files.createDirectories(folder);
        }
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
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
    public long size(String key) throws IOException {
        return Files.size(pathOf(key));
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
