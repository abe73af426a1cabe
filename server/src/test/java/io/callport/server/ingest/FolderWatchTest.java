package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import io.callport.server.config.ServerConfig;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import io.callport.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files put into a campaign folder on the server's disk are recorded as they appear, without waiting for the
 * periodic scan (an hour apart here, so only the watcher can find them), by the scan's rules.
 */
class FolderWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The batch stays open while the test looks at its files. */
    private static final int HOUR_WINDOW = 3600;

    @TempDir
    Path dataDir;
    @TempDir
    Path staging;
    final MutableClock clock = MutableClock.running();
    PipelineServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileMovedIntoTheFolderOrANewSubfolderIsRecordedAtOnce() throws Exception {
        start(Duration.ZERO);
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);

        drop(campaign, "c1.wav", Recordings.wav(300));
        drop(campaign, "2026-11-02/c2.wav", Recordings.wav(400));

        List<IngestFile> files = awaitFiles(campaign, 2);
        assertThat(files).extracting(IngestFile::path, IngestFile::source, IngestFile::status, IngestFile::size)
                .containsExactlyInAnyOrder(tuple("c1.wav", "SFTP", FileStatus.DETECTED, (long) Recordings.wav(300).length),
                        tuple("2026-11-02/c2.wav", "SFTP", FileStatus.DETECTED, (long) Recordings.wav(400).length));
    }

    @Test
    void aFileStillBeingWrittenIsTakenOnlyOnceItHasBeenQuiet() throws Exception {
        start(Duration.ofHours(1));
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);
        byte[] recording = Recordings.wav(2000);
        Path file = Files.createDirectories(campaignDir(campaign)).resolve("c1.wav");

        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(recording, 0, recording.length / 2);
            out.flush();
            // the watcher sees the half-written file meanwhile
            Thread.sleep(500);
            assertThat(files(campaign)).isEmpty();
            out.write(recording, recording.length / 2, recording.length - recording.length / 2);
        }
        clock.advance(Duration.ofHours(2));

        List<IngestFile> files = awaitFiles(campaign, 1);
        assertThat(files).extracting(IngestFile::name, IngestFile::size, IngestFile::sha256)
                .containsExactly(tuple("c1.wav", (long) recording.length, FolderScan.sha256(file)));
    }

    @Test
    void anUploadedFileIsRecordedByItsUploadAloneThoughTheWatcherSeesItLand() throws Exception {
        start(Duration.ZERO);
        String campaign = server.campaign("Sales", true, HOUR_WINDOW);
        for (int i = 0; i < 20; i++) {
            server.land(campaign, "landed-" + i + ".wav", Recordings.wav(300 + i));
        }
        Session session = server.sftpSession(campaign, "recorder@test");
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            for (int i = 0; i < 5; i++) {
                sftp.put(new ByteArrayInputStream(Recordings.wav(500 + i)), "sent-" + i + ".wav");
            }
        } finally {
            session.disconnect();
        }
        // the watcher takes changes in order: once it has recorded this one, it has looked at all the others
        drop(campaign, "last.wav", Recordings.wav(900));

        List<IngestFile> files = awaitFiles(campaign, 26);
        assertThat(files).allSatisfy(file -> assertThat(file.status()).isEqualTo(FileStatus.DETECTED));
        assertThat(files).filteredOn(file -> file.uploadId().startsWith("scan:")).extracting(IngestFile::name)
                .containsExactly("last.wav");
        assertThat(files).extracting(IngestFile::name).doesNotHaveDuplicates();
    }

    @Test
    void aFileRecordedInTheMillisecondItWasWrittenIsNotTakenAgainAfterARestart() throws Exception {
        start(Duration.ZERO);
        String campaign = server.campaign("Sales", true, 0);
        drop(campaign, "c1.wav", Recordings.wav(300));
        IngestFile recorded = awaitFiles(campaign, 1).getFirst();
        server.awaitBatch(campaign, BatchStatus.WAITING_FOR_CSV, WAIT);
        // as when the watcher took it at once: written later in the millisecond the database keeps as its arrival
        Files.setLastModifiedTime(campaignDir(campaign).resolve("c1.wav"),
                FileTime.from(recorded.arrivedAt().plusNanos(500_000)));
        server.close();

        start(Duration.ZERO);

        assertThat(server.pipeline().scanNow()).isZero();
        assertThat(server.batches(campaign)).singleElement().extracting(IngestBatch::status)
                .isEqualTo(BatchStatus.WAITING_FOR_CSV);
    }

    private void start(Duration quietFor) throws IOException {
        server = PipelineServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0),
                PipelineServer.fast().withScan(Duration.ofHours(1), quietFor), clock);
    }

    /** Writes the file aside and moves it into the campaign folder whole, as a careful copying tool does. */
    private void drop(String campaign, String path, byte[] content) throws IOException {
        Path written = Files.write(staging.resolve(Path.of(path).getFileName()), content);
        Path target = campaignDir(campaign).resolve(path);
        Files.createDirectories(target.getParent());
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path campaignDir(String campaign) {
        CampaignFolder folder = server.folder(campaign);
        return server.landingRoot().resolve(folder.orgFolder()).resolve(folder.campaignFolder());
    }

    private List<IngestFile> awaitFiles(String campaign, int count) {
        return PipelineServer.await(() -> {
            List<IngestFile> files = files(campaign);
            return files.size() >= count ? files : null;
        }, WAIT, () -> count + " files recorded: " + files(campaign));
    }

    private List<IngestFile> files(String campaign) {
        return server.batches(campaign).stream().map(IngestBatch::id).flatMap(batch -> server.pipeline().store()
                .files().inBatch(batch, null, new Page(100, 0)).stream()).toList();
    }
}
