package io.callport.service.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks at a folder (and its subfolders) now and then and tells which files have stopped changing: a file is stable
 * once it has shown the same size and modification time for the settle time, so a recording a recorder is still
 * writing is not taken half-written. Hidden files and temporary names ({@code .part}, {@code .filepart},
 * {@code .partial}, {@code .tmp}, {@code .temp}, {@code ~}) are never taken.
 */
public final class FolderWatch {
    private static final List<String> TEMPORARY_ENDINGS = List.of(".part", ".partial", ".filepart", ".tmp", ".temp",
            "~");

    private final Path folder;
    private final Duration settle;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();

    public FolderWatch(Path folder, Duration settle, Clock clock) {
        this.folder = folder;
        this.settle = settle;
        this.clock = clock;
    }

    /** What one look at the folder found. */
    public record Scan(List<Path> stable, List<Path> changing) {
    }

    public Scan scan() throws IOException {
        Instant now = clock.instant();
        Map<Path, Seen> current = new HashMap<>();
        List<Path> stable = new ArrayList<>();
        List<Path> changing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(path -> !path.equals(folder) && candidate(folder.relativize(path)))
                    .sorted().toList()) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException vanished) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Seen observed = new Seen(attributes.size(), attributes.lastModifiedTime().toMillis(), now);
                Seen before = seen.get(file);
                Seen kept = before != null && before.sameVersion(observed) ? before : observed;
                current.put(file, kept);
                (Duration.between(kept.since(), now).compareTo(settle) >= 0 ? stable : changing).add(file);
            }
        }
        seen.clear();
        seen.putAll(current);
        return new Scan(stable, changing);
    }

    /** Neither hidden (nor in a hidden folder) nor named like a file still being written. */
    private static boolean candidate(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return TEMPORARY_ENDINGS.stream().noneMatch(name::endsWith);
    }

    /** A version of a file and since when it has looked like this. */
    private record Seen(long size, long modified, Instant since) {
        boolean sameVersion(Seen other) {
            return size == other.size && modified == other.modified;
        }
    }
}
