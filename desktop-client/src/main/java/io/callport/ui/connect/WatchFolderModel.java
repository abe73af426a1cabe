package io.callport.ui.connect;

import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.upload.FileProgress;
import io.callport.service.upload.UploadService;
import io.callport.service.watch.FolderUploader;
import io.callport.service.watch.FolderWatch;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Workspace;
import io.callport.validate.Issue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The watch folder of the profile in use: while the Uploader runs, the folder is looked at every few seconds and
 * its new stable files are checked and sent, as {@code callport watch} does. It follows the workspace's
 * connection: another profile, or no folder, stops it.
 */
public final class WatchFolderModel implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(3);
    /** How long a file must stay unchanged before it is sent. */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    private final UploadService uploads;
    private final Clock clock;
    private final Duration settle;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private ScheduledExecutorService running;

    public WatchFolderModel(Workspace workspace, UploadService uploads, Clock clock, Duration settle) {
        this.uploads = uploads;
        this.clock = clock;
        this.settle = settle;
        workspace.connectionProperty().subscribe(this::follow);
    }

    private void follow(Connection connection) {
        close();
        Profile profile = connection == null ? null : connection.profile();
        if (profile == null || profile.watchFolder() == null || profile.campaignId() == null) {
            status.set("");
            return;
        }
        Path folder = profile.watchFolder();
        Counts counts = new Counts(folder);
        status.set(counts.describe());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("callport-watch").factory());
        running = executor;
        executor.execute(() -> {
            FolderUploader uploader;
            try {
                uploader = new FolderUploader(new FolderWatch(folder, settle, clock), uploads, profile,
                        connection.client(), profile.campaignId(),
                        connection.client().mapping(profile.campaignId()).orElse(null), clock, counts);
            } catch (IOException e) {
                show(executor, Messages.format("nav.watch.failed", folder, e.getMessage()));
                return; // choosing the profile again on the Servers screen starts it again
            }
            executor.scheduleWithFixedDelay(() -> round(executor, uploader, counts), 0, EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    private void round(ScheduledExecutorService executor, FolderUploader uploader, Counts counts) {
        try {
            uploader.round();
            show(executor, counts.describe());
        } catch (IOException | RuntimeException e) {
            show(executor, Messages.format("nav.watch.failed", counts.folder, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows what a watch did, unless another has taken its place meanwhile. */
    private void show(ScheduledExecutorService watch, String text) {
        Platform.runLater(() -> {
            if (running == watch) {
                status.set(text);
            }
        });
    }

    /** What the watch has done, for the window: empty while no folder is watched. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (running != null) {
            running.shutdownNow();
            running = null;
        }
    }

    /** The files sent and held back since the watch started. */
    private static final class Counts implements FolderUploader.Listener {
        private final Path folder;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger held = new AtomicInteger();

        Counts(Path folder) {
            this.folder = folder;
        }

        String describe() {
            return Messages.format("nav.watch", folder, sent.get(), held.get());
        }

        @Override
        public void sent(FileProgress file) {
            sent.incrementAndGet();
        }

        @Override
        public void notSent(FileProgress file) {
            // tried again in the next round
        }

        @Override
        public void refused(Path file, List<Issue> errors) {
            held.incrementAndGet();
        }

        @Override
        public void leftOut(Path file) {
            held.incrementAndGet();
        }
    }
}
