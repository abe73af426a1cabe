package io.callport.server.landing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far the hashes of files parked under a temporary name in this process had got, so that renaming one into place
 * (how the Uploader and most SFTP clients finish an upload) or resuming it after a dropped connection need not read
 * it again. A file changed since it was parked, or parked before a restart, is simply not known.
 */
final class ParkedFiles {
    /** Clients that never rename their temporary files must not make this grow without end. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Parked(long size, FileTime modified, RunningSha256.Progress hashedSoFar) {
    }

    private final Map<Path, Parked> byPath = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Parked> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    synchronized void remember(Path file, long size, RunningSha256.Progress hashedSoFar) throws IOException {
        byPath.put(file, new Parked(size, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS), hashedSoFar));
    }

    /** The hash so far of the file as it was parked, if it is still exactly that file; forgets it either way. */
    synchronized Optional<RunningSha256.Progress> progressOf(Path file) throws IOException {
        Parked known = byPath.remove(file);
        if (known == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean unchanged = now.size() == known.size() && now.lastModifiedTime().equals(known.modified());
            return unchanged ? Optional.of(known.hashedSoFar()) : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }
}
