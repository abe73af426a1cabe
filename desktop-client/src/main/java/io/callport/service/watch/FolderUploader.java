package io.callport.service.watch;

import io.callport.mapping.FieldMapping;
import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.service.upload.FileProgress;
import io.callport.service.upload.UploadPlan;
import io.callport.service.upload.UploadQueue;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadSnapshot;
import io.callport.validate.Batch;
import io.callport.validate.BatchFile;
import io.callport.validate.BatchFileKind;
import io.callport.validate.BatchValidator;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sends the new files of a watched folder, round by round, for recorders that export on a schedule: each round
 * takes the files that have become stable and were never sent, checks them against the campaign's mapping (a file
 * with errors is held until it changes), and sends the rest, recordings first. Metadata waits while a recording in
 * the folder is still being written, so a CSV never arrives before the recordings it names.
 */
public final class FolderUploader {
    private static final Set<BatchFileKind> RECORDING_KINDS = Set.of(BatchFileKind.RECORDING, BatchFileKind.ARCHIVE);

    private final FolderWatch watch;
    private final UploadService uploads;
    private final Profile profile;
    private final ServerClient client;
    private final String campaignId;
    private final FieldMapping mapping;
    private final Clock clock;
    private final Listener listener;
    /** Files held back in this run, by version: checked with errors, or not a kind Callport takes. */
    private final Map<Path, Version> held = new HashMap<>();

    /** What a round did, file by file, as it happens. */
    public interface Listener {
        void sent(FileProgress file);

        void notSent(FileProgress file);

        /** The check found errors in the file; it is held until it changes. */
        void refused(Path file, List<Issue> errors);

        /** The file is not a recording, metadata, sidecar or zip, so it is not sent. */
        void leftOut(Path file);
    }

    /** What one round came to. */
    public record Round(int sent, int notSent, int refused, boolean waiting) {
        /** Whether the round found nothing to do and nothing is on its way. */
        public boolean idle() {
            return sent == 0 && notSent == 0 && refused == 0 && !waiting;
        }
    }

    /** @param mapping the campaign's mapping the files are checked against; null to send them unchecked */
    public FolderUploader(FolderWatch watch, UploadService uploads, Profile profile, ServerClient client,
                          String campaignId, FieldMapping mapping, Clock clock, Listener listener) {
        this.watch = watch;
        this.uploads = uploads;
        this.profile = profile;
        this.client = client;
        this.campaignId = campaignId;
        this.mapping = mapping;
        this.clock = clock;
        this.listener = listener;
    }

    /** Looks at the folder once and sends what is new and stable; returns when that upload has ended. */
    public Round round() throws IOException, InterruptedException {
        FolderWatch.Scan scan = watch.scan();
        Predicate<Path> sentBefore = uploads.sentBefore(profile, campaignId);
        boolean recordingsChanging = scan.changing().stream().anyMatch(file -> RECORDING_KINDS.contains(kind(file)));
        List<Path> ready = new ArrayList<>();
        boolean metadataWaits = false;
        for (Path file : scan.stable()) {
            if (isHeld(file) || sentBefore.test(file)) {
                continue;
            }
            if (recordingsChanging && !RECORDING_KINDS.contains(kind(file))) {
                metadataWaits = true;
            } else {
                ready.add(file);
            }
        }
        boolean waiting = !scan.changing().isEmpty() || metadataWaits;
        if (ready.isEmpty()) {
            return new Round(0, 0, 0, waiting);
        }
        List<Path> checked = check(ready);
        int refused = ready.size() - checked.size();
        UploadPlan plan = UploadPlan.of(new Batch(checked.stream().map(BatchFile::of).toList(), false));
        for (Path leftOut : plan.leftOut()) {
            hold(leftOut);
            listener.leftOut(leftOut);
        }
        if (plan.items().isEmpty()) {
            return new Round(0, 0, refused, waiting);
        }
        UploadQueue queue = uploads.prepare(profile, client, campaignId, plan);
        queue.start();
        try {
            while (!queue.await(Duration.ofHours(1))) {
                // a very large round: keep waiting
            }
        } finally {
            queue.cancel();
        }
        UploadSnapshot done = queue.snapshot();
        int sent = 0;
        for (FileProgress file : done.files()) {
            if (file.state().isAccepted()) {
                sent++;
                listener.sent(file);
            } else {
                listener.notSent(file);
            }
        }
        return new Round(sent, done.files().size() - sent, refused, waiting);
    }

    /** The files without errors; the others are reported and held until they change. */
    private List<Path> check(List<Path> files) throws IOException {
        if (mapping == null) {
            return files;
        }
        Batch batch = new Batch(files.stream().map(BatchFile::of).toList(), false);
        ValidationReport report = new BatchValidator(mapping, clock).validate(batch);
        Map<String, List<Issue>> errors = report.issues().stream().filter(Issue::isError)
                .collect(Collectors.groupingBy(Issue::file));
        List<Path> clean = new ArrayList<>();
        for (Path file : files) {
            List<Issue> found = errors.get(file.getFileName().toString());
            if (found == null) {
                clean.add(file);
            } else {
                hold(file);
                listener.refused(file, found);
            }
        }
        return clean;
    }

    private boolean isHeld(Path file) {
        Version version = held.get(file);
        try {
            return version != null && version.equals(Version.of(file));
        } catch (IOException vanished) {
            return true;
        }
    }

    private void hold(Path file) throws IOException {
        held.put(file, Version.of(file));
    }

    /** A file as it was when it was held: it is looked at again once it changes. */
    private record Version(long size, long modified) {
        static Version of(Path file) throws IOException {
            return new Version(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }
    }

    private static BatchFileKind kind(Path file) {
        return BatchFileKind.of(file.getFileName().toString());
    }
}
