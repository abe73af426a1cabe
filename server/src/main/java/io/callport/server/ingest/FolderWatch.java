package io.callport.server.ingest;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices files put into the campaign folders as they appear (inotify on Linux), so a file written there on the
 * server's disk is recorded at once rather than at the next scan. Every folder under the landing root is watched,
 * new ones as they appear, except hidden ones and {@code processed/} and {@code failed/}. Changed files go to
 * {@link FolderScan#recordChanged}, which takes them by the scan's rules; one not yet quiet long enough is looked
 * at again when it will be. When the system dropped events (overflow) the whole landing area is scanned. The
 * periodic scan stays, for what happened while the server was down.
 */
final class FolderWatch {
    /** How long the watcher waits at most between looks at files not yet quiet (the clock may be moved on). */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final PipelineContext context;
    private final FolderScan scan;
    /** Files seen changing that are not yet quiet, with when they will be. */
    private final Map<Path, Instant> notQuiet = new HashMap<>();
    private WatchService service;
    private Thread thread;

    FolderWatch(PipelineContext context, FolderScan scan) {
        this.context = context;
        this.scan = scan;
    }

    void start() throws IOException {
        service = context.landed().root().getFileSystem().newWatchService();
        // the first scan, which starts next, takes the files already there
        watchTree(context.landed().root(), file -> { });
        thread = Thread.ofPlatform().name("callport-pipeline-watch").daemon().start(this::run);
    }

    void stop() throws IOException, InterruptedException {
        if (service != null) {
            service.close();
            thread.join();
        }
    }

    private void run() {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                boolean overflowed = false;
                for (WatchKey key = next(); key != null; key = service.poll()) {
                    overflowed |= collect(key, changed);
                }
                Instant now = context.now();
                notQuiet.entrySet().removeIf(file -> !file.getValue().isAfter(now) && changed.add(file.getKey()));
                record(changed, overflowed);
            }
        } catch (ClosedWatchServiceException stopped) {
            // the pipeline stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for changes, or until the first file not yet quiet will be; null when there was none. */
    private WatchKey next() throws InterruptedException {
        if (notQuiet.isEmpty()) {
            return service.take();
        }
        Instant due = notQuiet.values().stream().min(Instant::compareTo).orElseThrow();
        long millis = Math.clamp(Duration.between(context.now(), due).toMillis(), 0, LONGEST_WAIT.toMillis());
        return service.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Adds the files the key's folder reports changed, and watches its new folders; true when events were lost. */
    private boolean collect(WatchKey key, Set<Path> changed) {
        boolean overflowed = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflowed = true;
                continue;
            }
            Path entry = folder.resolve((Path) event.context());
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                watchTree(entry, changed::add);
            } else {
                changed.add(entry);
            }
        }
        key.reset();
        return overflowed;
    }

    private void record(Set<Path> changed, boolean overflowed) {
        try {
            if (overflowed) {
                LOG.atInfo().log("the folder watcher missed changes; scanning the campaign folders");
                watchTree(context.landed().root(), file -> { });
                scan.scan();
            }
            if (!changed.isEmpty()) {
                notQuiet.putAll(scan.recordChanged(changed));
            }
        } catch (IOException | RuntimeException e) {
            // the periodic scan finds what could not be recorded now
            LOG.atWarn().addKeyValue("files", changed.size()).addKeyValue("error", e.getMessage()).setCause(e)
                    .log("files noticed in the campaign folders could not be recorded yet");
        }
    }

    /**
     * Watches the folder and the folders under it a scan walks; files already in them (written before the folder
     * was watched) go to {@code existing}.
     */
    private void watchTree(Path top, Consumer<Path> existing) {
        ArrayDeque<Path> folders = new ArrayDeque<>();
        folders.push(top);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            if (!folder.equals(context.landed().root()) && !FolderScan.isWalked(folder.getFileName().toString())) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                for (Path entry : entries) {
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        folders.push(entry);
                    } else {
                        existing.accept(entry);
                    }
                }
            } catch (NoSuchFileException removedMeanwhile) {
                // nothing to watch
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("folder", folder).addKeyValue("error", e.getMessage())
                        .log("a folder cannot be watched; the periodic scan finds its files");
            }
        }
    }
}
