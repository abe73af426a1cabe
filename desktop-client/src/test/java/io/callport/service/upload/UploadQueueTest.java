package io.callport.service.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestFiles;
import io.callport.testing.TestProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to a real server in-process, over SFTP and over HTTP (tus). */
class UploadQueueTest {
    static final RetryPolicy QUICK_RETRIES = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(800));

    @TempDir
    Path dir;
    @RegisterExtension
    final ServerFixture server = new ServerFixture("Inbound Sales");

    private UploadService service(UploadTuning tuning) {
        return new UploadService(dir.resolve("config"), tuning, QUICK_RETRIES, Clock.systemUTC());
    }

    private UploadQueue prepare(Profile profile, List<Path> files, UploadTuning tuning) throws IOException {
        return service(tuning).prepare(profile, server.client(), server.campaignId(), UploadPlan.of(files));
    }

    private static UploadSnapshot run(UploadQueue queue) throws InterruptedException {
        queue.start();
        assertThat(queue.await(Duration.ofSeconds(60))).as("the upload ends").isTrue();
        return queue.snapshot();
    }

    @Test
    void sendsABatchBySftpRecordingsFirstAndTheServerHasEveryFileUnderItsName() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 12, 200_000);
        Profile profile = TestProfiles.sftp(server.server(), server.campaignId(), dir);

        UploadSnapshot done = run(prepare(profile, batch, UploadTuning.DEFAULT.withSftp(2, 2)));

        assertThat(done.state()).isEqualTo(UploadState.FINISHED);
        assertThat(done.allAccepted()).isTrue();
        assertThat(done.sentBytes()).isEqualTo(done.totalBytes()).isEqualTo(12 * 200_000L + Files.size(batch.getLast()));
        assertThat(server.arrived()).containsExactlyInAnyOrderElementsOf(names(batch));
        assertArrivedWhole(batch);
        assertTheCsvArrivedLast(batch);
    }

    @Test
    void sendsABatchOverHttpAsTusUploadsInChunks() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 5, 300_000);

        UploadSnapshot done = run(prepare(server.httpProfile(), batch,
                UploadTuning.DEFAULT.withTusChunk(64 * 1024)));

        assertThat(done.allAccepted()).isTrue();
        // each HTTP upload lands in its own folder, uploads/<upload id>/<name>
        assertThat(server.arrived()).hasSize(6).allMatch(path -> path.startsWith("uploads/"));
        assertThat(server.arrived().stream().map(path -> path.substring(path.lastIndexOf('/') + 1)))
                .containsExactlyInAnyOrderElementsOf(names(batch));
        Map<String, Path> landed = landedByName();
        for (Path file : batch) {
            assertThat(Files.mismatch(file, landed.get(file.getFileName().toString()))).isEqualTo(-1);
        }
    }

    @Test
    void aBatchSentAgainSendsNothingTheJournalRecords() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 3, 10_000);
        Profile profile = TestProfiles.sftp(server.server(), server.campaignId(), dir);
        run(prepare(profile, batch, UploadTuning.DEFAULT));
        Map<String, Object> before = fileKeys();

        Files.writeString(batch.getLast(), "conversation_id,agent_email,contact_date,audio_filename\n", 
                java.nio.file.StandardOpenOption.APPEND);
        UploadSnapshot again = run(prepare(profile, batch, UploadTuning.DEFAULT));

        assertThat(again.count(FileState.SENT_BEFORE)).isEqualTo(3);
        assertThat(again.count(FileState.SENT)).as("the CSV changed, so it is another version").isEqualTo(1);
        assertThat(again.totalBytes()).isEqualTo(Files.size(batch.getLast()));
        Map<String, Object> after = fileKeys();
        for (Path recording : batch.subList(0, 3)) {
            String name = recording.getFileName().toString();
            assertThat(after.get(name)).as(name + " was not written again").isEqualTo(before.get(name));
        }
    }

    @Test
    void aServerThatStopsMidUploadIsRetriedWithBackoffAndFinishedFilesAreNotSentAgain() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 30, 1_000_000);
        Profile profile = TestProfiles.sftp(server.server(), server.campaignId(), dir);
        UploadQueue queue = prepare(profile, batch, UploadTuning.DEFAULT.withSftp(1, 1));
        queue.start();
        waitFor(queue, snapshot -> snapshot.count(FileState.SENT) >= 5);
        // held mid-file while the server goes away, so the transfer in flight is cut off
        queue.pause();
        server.server().stop();
        queue.resume();
        UploadSnapshot interrupted = waitFor(queue, snapshot -> snapshot.files().stream()
                .anyMatch(file -> file.state() == FileState.RETRYING && file.attempts() >= 2));
        List<String> sentBeforeTheStop = interrupted.files().stream().filter(file -> file.state() == FileState.SENT)
                .map(FileProgress::name).toList();
        Map<String, Object> landedBeforeTheStop = fileKeys();
        FileProgress retrying = interrupted.files().stream().filter(file -> file.state() == FileState.RETRYING)
                .findFirst().orElseThrow();
        assertThat(retrying.problem()).isNotBlank();
        assertThat(retrying.retryAt()).isNotNull();
        server.server().start();

        assertThat(queue.await(Duration.ofSeconds(60))).isTrue();
        UploadSnapshot done = queue.snapshot();
        assertThat(done.allAccepted()).isTrue();
        assertThat(server.arrived()).containsExactlyInAnyOrderElementsOf(names(batch));
        assertArrivedWhole(batch);
        Map<String, Object> landedAfter = fileKeys();
        for (String name : sentBeforeTheStop) {
            assertThat(landedAfter.get(name)).as(name + " was not sent again").isEqualTo(landedBeforeTheStop.get(name));
        }
        assertTheCsvArrivedLast(batch);
    }

    @Test
    void anUploadCancelledMidWayGoesOnInANewSessionWithoutResendingFinishedFiles() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 20, 500_000);
        Profile profile = TestProfiles.sftp(server.server(), server.campaignId(), dir);
        UploadQueue first = prepare(profile, batch, UploadTuning.DEFAULT.withSftp(1, 1));
        first.start();
        waitFor(first, snapshot -> snapshot.count(FileState.SENT) >= 4);
        first.cancel();
        assertThat(first.await(Duration.ofSeconds(10))).isTrue();
        UploadSnapshot cancelled = first.snapshot();
        assertThat(cancelled.state()).isEqualTo(UploadState.CANCELLED);
        long sentFirst = cancelled.count(FileState.SENT);
        assertThat(cancelled.count(FileState.CANCELLED)).isPositive();
        // the file in flight when the cancel came may be parked whole under its temporary name (written, not yet
        // renamed: it never lands by itself) or may have landed without the rename's answer getting back
        List<String> landedFirst = server.arrived().stream()
                .filter(name -> !name.endsWith(SftpSenders.TEMPORARY_SUFFIX)).toList();
        assertThat(landedFirst).hasSizeBetween((int) sentFirst, (int) sentFirst + 1);
        assertArrivedWhole(batch.stream().filter(file -> landedFirst.contains(file.getFileName().toString()))
                .toList());
        Map<String, Object> keysFirst = fileKeys();

        UploadSnapshot second = run(prepare(profile, batch, UploadTuning.DEFAULT.withSftp(1, 1)));

        assertThat(second.allAccepted()).isTrue();
        assertThat(second.count(FileState.SENT_BEFORE)).isEqualTo(sentFirst);
        assertThat(second.count(FileState.SENT)).isEqualTo(batch.size() - sentFirst);
        assertThat(server.arrived()).as("a parked temporary file was sent again and renamed")
                .containsExactlyInAnyOrderElementsOf(names(batch));
        Map<String, Object> keysAfter = fileKeys();
        for (String name : landedFirst) {
            assertThat(keysAfter.get(name)).as(name + " was not written again").isEqualTo(keysFirst.get(name));
        }
    }

    @Test
    void aFileRenamedOnTheServerWithoutTheAnswerGettingBackIsNotSentAgain() throws Exception {
        List<Path> batch = TestFiles.batch(dir.resolve("batch"), 2, 300_000);
        Profile profile = TestProfiles.sftp(server.server(), server.campaignId(), dir);
        run(service(UploadTuning.DEFAULT).prepare(profile, server.client(), server.campaignId(),
                UploadPlan.of(batch.subList(0, 1))));
        Map<String, Object> before = fileKeys();
        // another computer's journal knows only that the rename was asked for, as after a crash at that moment
        Path otherConfig = dir.resolve("other-config");
        UploadPlan plan = UploadPlan.of(batch);
        try (UploadJournal journal = UploadJournal.open(otherConfig.resolve(UploadService.JOURNALS),
                profile.url() + " " + server.campaignId(), plan, Clock.systemUTC())) {
            journal.renaming(plan.items().getFirst());
        }

        UploadSnapshot done = run(new UploadService(otherConfig, UploadTuning.DEFAULT, QUICK_RETRIES,
                Clock.systemUTC()).prepare(profile, server.client(), server.campaignId(), plan));

        assertThat(done.count(FileState.SENT)).isEqualTo(3);
        assertThat(fileKeys().get("call-0001.wav")).as("found on the server.server(), not sent again")
                .isEqualTo(before.get("call-0001.wav"));
        assertThat(server.arrived()).containsExactlyInAnyOrderElementsOf(names(batch));
    }

    @Test
    void aTusUploadCutOffResumesAtTheServersOffsetOnTheSameUpload() throws Exception {
        Path recording = TestFiles.random(dir.resolve("long-call.wav"), 4_000_000, 7);
        UploadTuning smallChunks = UploadTuning.DEFAULT.withTusChunk(128 * 1024);
        UploadQueue first = prepare(server.httpProfile(), List.of(recording), smallChunks);
        first.start();
        waitFor(first, snapshot -> snapshot.sentBytes() > 1_000_000);
        first.cancel();
        assertThat(first.await(Duration.ofSeconds(10))).isTrue();
        assertThat(server.arrived()).isEmpty();
        String started = journalLines().stream().filter(line -> line.contains("\"event\":\"tus\"")).findFirst()
                .orElseThrow();
        java.net.URI upload = java.net.URI.create(started.replaceAll(".*\"upload\":\"([^\"]+)\".*", "$1"));
        long heldByTheServer = server.client().tusOffset(upload);
        assertThat(heldByTheServer).isGreaterThanOrEqualTo(1_000_000 - 128 * 1024).isLessThan(4_000_000);

        UploadSnapshot done = run(prepare(server.httpProfile(), List.of(recording), smallChunks));

        assertThat(done.allAccepted()).isTrue();
        assertThat(journalLines().stream().filter(line -> line.contains("\"event\":\"tus\""))).as("one tus upload")
                .hasSize(1);
        String uploadId = upload.getPath().substring(upload.getPath().lastIndexOf('/') + 1);
        assertThat(server.arrived()).containsExactly("uploads/" + uploadId + "/long-call.wav");
        assertThat(Files.mismatch(recording, landedByName().get("long-call.wav"))).isEqualTo(-1);
    }

    @Test
    void aRefusalIsFinalAfterOneTry() throws Exception {
        List<Path> files = List.of(TestFiles.random(dir.resolve("call-1.wav"), 1000, 1),
                TestFiles.random(dir.resolve("call-2.wav"), 1000, 2));
        String otherCampaign = server.server().createCampaign("Support").get("id").asText();
        String supportOnly = server.server().createKey("MANAGER", otherCampaign);
        ServerClient wrongKey = new ServerClient(server.server().url(), supportOnly);

        UploadQueue queue = service(UploadTuning.DEFAULT).prepare(server.httpProfile(), wrongKey,
                server.campaignId(), UploadPlan.of(files));
        UploadSnapshot done = run(queue);

        assertThat(done.files()).allSatisfy(file -> {
            assertThat(file.state()).isEqualTo(FileState.FAILED);
            assertThat(file.attempts()).isEqualTo(1);
            assertThat(file.problem()).isNotBlank();
        });
        assertThat(done.allAccepted()).isFalse();
    }

    // ---- helpers ----

    private static UploadSnapshot waitFor(UploadQueue queue, Predicate<UploadSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            UploadSnapshot snapshot = queue.snapshot();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The upload did not get there: " + queue.snapshot());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }

    private Map<String, Path> landedByName() {
        Path folder = server.landingFolder();
        return server.arrived().stream().map(folder::resolve)
                .collect(Collectors.toMap(path -> path.getFileName().toString(), path -> path));
    }

    /** What identifies each landed file on disk: a file written again is a new file. */
    private Map<String, Object> fileKeys() throws IOException {
        Map<String, Object> keys = new java.util.HashMap<>();
        for (var entry : landedByName().entrySet()) {
            keys.put(entry.getKey(), Files.readAttributes(entry.getValue(),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        }
        return keys;
    }

    private void assertArrivedWhole(List<Path> batch) throws IOException {
        Map<String, Path> landed = landedByName();
        for (Path file : batch) {
            assertThat(Files.mismatch(file, landed.get(file.getFileName().toString())))
                    .as(file.getFileName() + " arrived whole").isEqualTo(-1);
        }
    }

    private void assertTheCsvArrivedLast(List<Path> batch) throws IOException {
        Map<String, Path> landed = landedByName();
        FileTime csv = Files.getLastModifiedTime(landed.get("calls.csv"));
        for (Path recording : batch.subList(0, batch.size() - 1)) {
            assertThat(Files.getLastModifiedTime(landed.get(recording.getFileName().toString())))
                    .isLessThanOrEqualTo(csv);
        }
    }

    private List<String> journalLines() throws IOException {
        try (var files = Files.walk(dir.resolve("config").resolve(UploadService.JOURNALS))) {
            List<String> lines = new java.util.ArrayList<>();
            for (Path journal : files.filter(path -> path.toString().endsWith(UploadJournal.SUFFIX)).toList()) {
                lines.addAll(Files.readAllLines(journal));
            }
            return lines;
        }
    }
}
