package io.callport.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Blobs as files below one folder, the embedded default. A put writes a temporary file in {@value #TEMP_FOLDER},
 * flushes it to disk and renames it into place, so a reader sees the old blob or the new one, never half of one.
 */
public final class LocalBlobStore implements BlobStore {
    /** Inside the root; keys cannot reach it because no key part may start with a dot. */
    static final String TEMP_FOLDER = ".incoming";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path root;
    private final Path temp;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.temp = Files.createDirectories(this.root.resolve(TEMP_FOLDER));
        deleteAbandonedWrites();
    }

    /** Temporary files a crashed process left; an hour old, no put can still be writing them. */
    private void deleteAbandonedWrites() throws IOException {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temp,
                file -> Files.getLastModifiedTime(file).toInstant().isBefore(abandoned))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    @Override
    public StoredBlob put(String key, InputStream content, long length) throws IOException {
        Path target = pathOf(key);
        Path partial = Files.createTempFile(temp, "put-", ".part");
        try {
            HashingInputStream hashing = new HashingInputStream(content);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                hashing.transferTo(out);
                hashing.requireLength(key, length);
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new StoredBlob(key, hashing.count(), hashing.sha256Hex());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key, null, "no blob with this key in " + location());
        }
        return Files.newInputStream(file);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    /** Removes the file and the folders it leaves empty, up to the root. */
    @Override
    public void delete(String key) throws IOException {
        Path file = pathOf(key);
        if (!Files.deleteIfExists(file)) {
            return;
        }
        for (Path folder = file.getParent(); !folder.equals(root); folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        String checked = BlobKeys.requireValidPrefix(prefix);
        // walk only the deepest folder the prefix names completely
        int slash = checked.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(checked.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        return Files.walk(start)
                .filter(path -> !path.startsWith(temp))
                .filter(Files::isRegularFile)
                .map(this::keyOf)
                .filter(key -> key.startsWith(checked));
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    private Path pathOf(String key) {
        Path path = root.resolve(BlobKeys.requireValid(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("The blob key '" + key + "' points outside the store.");
        }
        return path;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** For tests: the temporary folder must be empty once every put has returned. */
    Path tempFolder() {
        return temp;
    }
}
