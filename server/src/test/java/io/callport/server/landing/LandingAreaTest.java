package io.callport.server.landing;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingAreaTest {
    private static final CampaignFolder SALES = new CampaignFolder("acme", "sales");

    @TempDir
    Path root;
    @TempDir
    Path staging;
    private LandingArea landing;
    private final List<LandedFile> events = new ArrayList<>();
    private final LandingListener listener = events::add;

    @BeforeEach
    void setUp() throws IOException {
        landing = new LandingArea(root, new SizeLimits(1024, 2048, 512), Clock.systemUTC());
    }

    @Test
    void completedFileAppearsUnderItsFinalNameAndIsAnnouncedOnce() throws IOException {
        byte[] content = randomBytes(1000, 1);
        IncomingFile file = landing.begin("call.wav");
        file.appendFrom(new ByteArrayInputStream(content), Long.MAX_VALUE);

        Path finalPath = landing.pathOf(new CampaignPath(SALES, "2026-11-02/call.wav"));
        assertThat(finalPath).doesNotExist();
        assertThat(partials()).hasSize(1);

        LandedFile landed = file.complete(new CampaignPath(SALES, "2026-11-02/call.wav"), UploadSource.SFTP, listener);

        assertThat(finalPath).hasBinaryContent(content);
        assertThat(partials()).isEmpty();
        assertThat(events).containsExactly(landed);
        assertThat(landed.uploadId()).isEqualTo(file.uploadId());
        assertThat(landed.campaign()).isEqualTo(SALES);
        assertThat(landed.relativePath()).isEqualTo("2026-11-02/call.wav");
        assertThat(landed.file()).isEqualTo(finalPath);
        assertThat(landed.size()).isEqualTo(1000);
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
        assertThat(landed.source()).isEqualTo(UploadSource.SFTP);
        assertThatThrownBy(() -> file.complete(new CampaignPath(SALES, "again.wav"), UploadSource.SFTP, listener))
                .isInstanceOf(IOException.class);
        assertThat(events).hasSize(1);
    }

    @Test
    void writePastTheLimitFailsAndLeavesNothing() throws IOException {
        IncomingFile file = landing.begin("call.wav");
        file.write(ByteBuffer.wrap(new byte[1000]), 0);

        assertThatThrownBy(() -> file.write(ByteBuffer.wrap(new byte[100]), 1000))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("call.wav is larger than the 1 KB limit for a recording; it was not kept.");
        assertThat(partials()).isEmpty();
        assertThatThrownBy(() -> file.write(ByteBuffer.wrap(new byte[1]), 0)).isInstanceOf(FileTooLargeException.class);
        assertThatThrownBy(() -> file.complete(new CampaignPath(SALES, "call.wav"), UploadSource.API, listener))
                .isInstanceOf(FileTooLargeException.class);
        assertThat(landing.pathOf(new CampaignPath(SALES, "call.wav"))).doesNotExist();
        assertThat(events).isEmpty();
    }

    @Test
    void limitFollowsTheKindOfFileEvenUnderATemporaryName() throws IOException {
        try (IncomingFile zip = landing.begin("batch.zip.filepart");
             IncomingFile csv = landing.begin("calls.csv");
             IncomingFile declared = landing.begin("call.mp3")) {
            declared.limitTo(SizeLimit.declared(10));

            assertThat(zip.limit().bytes()).isEqualTo(2048);
            assertThat(csv.limit().bytes()).isEqualTo(512);
            assertThatThrownBy(() -> declared.appendFrom(new ByteArrayInputStream(new byte[11]), 100))
                    .hasMessage("call.mp3 is larger than its declared size of 10 bytes; it was not kept.");
        }
    }

    @Test
    void outOfOrderWritesStillGiveTheRightHash() throws IOException {
        byte[] content = randomBytes(1000, 2);
        IncomingFile file = landing.begin("call.wav");
        file.write(ByteBuffer.wrap(content, 500, 500), 500);
        file.write(ByteBuffer.wrap(content, 0, 300), 0);
        file.write(ByteBuffer.wrap(content, 300, 200), 300);
        file.write(ByteBuffer.wrap(content, 100, 50), 100);

        LandedFile landed = file.complete(new CampaignPath(SALES, "call.wav"), UploadSource.SFTP, listener);

        assertThat(landed.size()).isEqualTo(1000);
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
    }

    @Test
    void closedFileResumesWhereItStoppedAndDropsATruncatedChunk() throws IOException {
        byte[] content = randomBytes(900, 3);
        IncomingFile first = landing.begin("call.wav");
        first.appendFrom(new ByteArrayInputStream(content, 0, 400), Long.MAX_VALUE);
        first.close();

        IncomingFile resumed = landing.resume(first.uploadId(), "call.wav");
        assertThat(resumed.size()).isEqualTo(400);
        resumed.appendFrom(new ByteArrayInputStream(randomBytes(200, 9)), Long.MAX_VALUE);
        resumed.truncate(400);
        resumed.appendFrom(new ByteArrayInputStream(content, 400, 500), Long.MAX_VALUE);
        LandedFile landed = resumed.complete(new CampaignPath(SALES, "call.wav"), UploadSource.API, listener);

        assertThat(landed.file()).hasBinaryContent(content);
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
    }

    @Test
    void aFileResumedOverSeveralSessionsAndAfterARestartHashesAsAWhole() throws IOException {
        byte[] content = randomBytes(960, 5);
        IncomingFile first = landing.begin("call.wav");
        first.write(ByteBuffer.wrap(content, 0, 320), 0);
        first.close();
        IncomingFile second = landing.resume(first.uploadId(), "call.wav");
        second.write(ByteBuffer.wrap(content, 320, 320), 320);
        second.close();

        LandingArea restarted = new LandingArea(root, new SizeLimits(1024, 2048, 512), Clock.systemUTC());
        IncomingFile third = restarted.resume(first.uploadId(), "call.wav");
        third.write(ByteBuffer.wrap(content, 640, 320), 640);
        LandedFile landed = third.complete(new CampaignPath(SALES, "call.wav"), UploadSource.API, listener);

        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
    }

    @Test
    void bytesWrittenOverAreHashedAsTheyEndedUp() throws IOException {
        byte[] content = randomBytes(1000, 6);
        IncomingFile file = landing.begin("call.wav");
        file.write(ByteBuffer.wrap(randomBytes(1000, 7)), 0);
        file.write(ByteBuffer.wrap(content, 0, 1000), 0);

        LandedFile landed = file.complete(new CampaignPath(SALES, "call.wav"), UploadSource.SFTP, listener);

        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
    }

    @Test
    void anUploadCannotBeOpenedTwiceNorDiscardedWhileOpen() throws IOException {
        try (IncomingFile file = landing.begin("call.wav")) {
            assertThatThrownBy(() -> landing.resume(file.uploadId(), "call.wav")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> landing.discard(file.uploadId())).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> landing.resume("../../etc/passwd", "x.wav")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completingOverAnExistingFileReplacesItAndAnnouncesTheNewArrival() throws IOException {
        CampaignPath sidecar = new CampaignPath(SALES, "20261102-083700_outbound_478.json");
        landing.landBytes("{\"agent\":1}".getBytes(StandardCharsets.UTF_8), sidecar, UploadSource.SFTP, listener);
        landing.landBytes("{\"agent\":2}".getBytes(StandardCharsets.UTF_8), sidecar, UploadSource.SFTP, listener);

        assertThat(landing.pathOf(sidecar)).hasContent("{\"agent\":2}");
        assertThat(events).hasSize(2).extracting(LandedFile::relativePath).containsOnly(sidecar.relativePath());
        assertThat(events.get(0).uploadId()).isNotEqualTo(events.get(1).uploadId());
    }

    @Test
    void failedCompletionDeletesThePartialAndAnnouncesNothing() throws IOException {
        Files.createDirectories(landing.pathOf(new CampaignPath(SALES, "call.wav/inside")));
        IncomingFile file = landing.begin("call.wav");
        file.write(ByteBuffer.wrap(new byte[10]), 0);

        assertThatThrownBy(() -> file.complete(new CampaignPath(SALES, "call.wav"), UploadSource.SFTP, listener))
                .isInstanceOf(IOException.class);
        assertThat(partials()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void listenerFailureDoesNotUndoTheArrival() throws IOException {
        LandedFile landed = landing.landBytes(new byte[3], new CampaignPath(SALES, "a.csv"), UploadSource.API,
                file -> {
                    throw new IllegalStateException("pipeline down");
                });

        assertThat(landed.file()).exists();
    }

    @Test
    void parkedFileLandsWhenRenamedToItsFinalName() throws IOException {
        byte[] content = randomBytes(700, 4);
        CampaignPath parked = new CampaignPath(SALES, "call.wav.filepart");
        IncomingFile file = landing.begin(parked.fileName());
        file.write(ByteBuffer.wrap(content), 0);
        file.park(parked);
        assertThat(landing.pathOf(parked)).hasBinaryContent(content);
        assertThat(events).isEmpty();

        LandedFile landed = landing.landRenamed(parked, parked.withFileName("call.wav"), UploadSource.SFTP, listener);

        assertThat(landing.pathOf(parked)).doesNotExist();
        assertThat(landed.file()).hasBinaryContent(content);
        assertThat(landed.relativePath()).isEqualTo("call.wav");
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
        assertThat(events).containsExactly(landed);
    }

    @Test
    void aFileParkedByADroppedConnectionAndTakenBackHashesAsAWhole() throws IOException {
        byte[] content = randomBytes(900, 10);
        CampaignPath parked = new CampaignPath(SALES, "call.wav.filepart");
        IncomingFile cut = landing.begin(parked.fileName());
        cut.write(ByteBuffer.wrap(content, 0, 400), 0);
        cut.parkUnlessTaken(parked);

        IncomingFile resumed = landing.adopt(parked);
        resumed.write(ByteBuffer.wrap(content, 400, 500), 400);
        LandedFile landed = resumed.complete(parked.withFileName("call.wav"), UploadSource.SFTP, listener);

        assertThat(landed.file()).hasBinaryContent(content);
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
    }

    @Test
    void aParkedFileChangedBeforeItsRenameIsHashedAsItIsThen() throws IOException {
        byte[] start = randomBytes(500, 8);
        byte[] more = randomBytes(200, 9);
        CampaignPath parked = new CampaignPath(SALES, "call.wav.filepart");
        IncomingFile file = landing.begin(parked.fileName());
        file.write(ByteBuffer.wrap(start), 0);
        file.park(parked);
        Files.write(landing.pathOf(parked), more, StandardOpenOption.APPEND);

        LandedFile landed = landing.landRenamed(parked, parked.withFileName("call.wav"), UploadSource.SFTP, listener);

        byte[] whole = new byte[700];
        System.arraycopy(start, 0, whole, 0, 500);
        System.arraycopy(more, 0, whole, 500, 200);
        assertThat(sha256(landed.file())).isEqualTo(sha256(whole));
    }

    @Test
    void aFileFetchedElsewhereLandsByMovingItAndReplacesAnEarlierVersion() throws IOException {
        CampaignPath destination = new CampaignPath(SALES, "20260211/call.wav");
        Path first = Files.write(staging.resolve("first"), randomBytes(300, 5));
        landing.landFile(first, destination, UploadSource.PULL, listener);
        // larger than this area's 1024-byte recording limit: a fetched file is whole already, the pipeline judges it
        byte[] content = randomBytes(1500, 6);
        Path second = Files.write(staging.resolve("second"), content);

        LandedFile landed = landing.landFile(second, destination, UploadSource.PULL, listener);

        assertThat(second).doesNotExist();
        assertThat(landing.pathOf(destination)).hasBinaryContent(content);
        assertThat(landed.relativePath()).isEqualTo("20260211/call.wav");
        assertThat(landed.size()).isEqualTo(1500);
        assertThat(sha256(landed.file())).isEqualTo(sha256(content));
        assertThat(landed.source()).isEqualTo(UploadSource.PULL);
        assertThat(events).hasSize(2).last().isEqualTo(landed);
        assertThat(partials()).isEmpty();
    }

    @Test
    void aMissingFileLandsNothing() {
        assertThatThrownBy(() -> landing.landFile(staging.resolve("gone"),
                new CampaignPath(SALES, "call.wav"), UploadSource.PULL, listener))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void sweepDeletesOnlyIdlePartialsNobodyWrites() throws IOException {
        IncomingFile idle = landing.begin("idle.wav");
        idle.close();
        IncomingFile recent = landing.begin("recent.wav");
        recent.close();
        IncomingFile open = landing.begin("open.wav");
        Instant old = Instant.now().minus(Duration.ofDays(3));
        for (Path partial : partials()) {
            if (!partial.getFileName().toString().startsWith(recent.uploadId())) {
                Files.setLastModifiedTime(partial, FileTime.from(old));
            }
        }

        assertThat(landing.sweepAbandoned(Duration.ofDays(2))).isEqualTo(1);
        assertThat(partials()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(recent.uploadId() + ".part", open.uploadId() + ".part");
        open.discard();
    }

    @Test
    void locateFindsCampaignFilesOnly() throws IOException {
        Path campaignDir = landing.campaignDir(SALES);

        assertThat(landing.locate(campaignDir.resolve("a/b.wav")))
                .contains(new CampaignPath(SALES, "a/b.wav"));
        assertThat(landing.locate(campaignDir)).isEmpty();
        assertThat(landing.locate(landing.organisationDir("acme").resolve("x.wav"))).isEmpty();
        assertThat(landing.locate(campaignDir.resolve("../../other/sales/x.wav")))
                .contains(new CampaignPath(new CampaignFolder("other", "sales"), "x.wav"));
        assertThat(landing.locate(root.resolve(".incoming/x/y.part"))).isEmpty();
        assertThat(landing.locate(root.getParent().resolve("elsewhere/a/b/c.wav"))).isEmpty();
    }

    private List<Path> partials() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(LandingArea.INCOMING_DIR))) {
            return files.toList();
        }
    }
}
