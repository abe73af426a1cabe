package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.naming.FileNameConvention;
import io.callport.server.storage.GeneratedContent;
import io.callport.server.store.PickingRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a real SFTP server on loopback, with the ledger in SQLite. */
class PullRunnerTest {
    @TempDir
    Path remote;
    @TempDir
    Path local;
    private SftpTestServer server;
    private PullFixture fixture;

    @BeforeEach
    void start() throws IOException {
        server = new SftpTestServer(remote, null);
        fixture = new PullFixture(local);
    }

    @AfterEach
    void stop() throws IOException {
        fixture.close();
        server.close();
    }

    @Test
    void fetchesTheLookBackDateFoldersAndNothingTwiceAcrossARestart() throws IOException {
        RemoteFiles.write(remote, "depot/20260210/too-old.mp3", "before the look-back");
        RemoteFiles.write(remote, "depot/20260211/call-1.mp3", "first");
        RemoteFiles.write(remote, "depot/20260211/calls.csv", "file;agent\n");
        RemoteFiles.write(remote, "depot/20260212/call-2.mp3", "second");
        RemoteFiles.write(remote, "depot/not-dated.mp3", "outside the date folders");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 1), password());

        RunReport first = fixture.runner(connector).runOnce();

        assertThat(first.succeeded()).isTrue();
        assertThat(first.listed()).isEqualTo(3);
        assertThat(fixture.sink.delivered()).containsExactlyInAnyOrder("sales/20260211/call-1.mp3",
                "sales/20260211/calls.csv", "sales/20260212/call-2.mp3");
        assertThat(fixture.sink.file("sales/20260212/call-2.mp3")).hasContent("second");
        assertThat(fixture.reload(connector).status().lastSuccessAt()).isEqualTo(PullFixture.NOW);
        assertThat(fixture.reload(connector).pinnedFingerprint()).isEqualTo(server.hostKeyFingerprint());

        fixture.restart();
        RunReport again = fixture.runner(connector).runOnce();

        assertThat(again.listed()).isEqualTo(3);
        assertThat(again.delivered()).isZero();
        assertThat(fixture.sink.delivered()).hasSize(3);
        assertThat(fixture.ledger.counts(connector.id())).containsEntry(PullState.DELIVERED, 3);
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void aFetchCutInTheMiddleResumesFromWhereItStopped() throws Exception {
        long size = 3L * 1024 * 1024;
        Path file = remote.resolve("depot/20260212/long-call.wav");
        Files.createDirectories(file.getParent());
        try (InputStream content = GeneratedContent.of(size, 42)) {
            Files.copy(content, file);
        }
        Files.setLastModifiedTime(file, FileTime.from(RemoteFiles.WRITTEN));
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0).withTransfers(Duration.ZERO, 1),
                password());
        server.cutAfter(1024 * 1024);

        RunReport cut = fixture.runner(connector).runOnce();

        assertThat(cut.succeeded()).isFalse();
        assertThat(cut.failure().failure()).isEqualTo(PullFailure.CONNECTION_LOST);
        assertThat(cut.consecutiveFailures()).isEqualTo(1);
        LedgerEntry pending = fixture.ledger.find(connector.id(), "20260212/long-call.wav").orElseThrow();
        assertThat(pending.state()).isEqualTo(PullState.PENDING);
        assertThat(pending.attempts()).as("a dropped connection is not the file's fault").isZero();
        assertThat(pending.fetchedBytes()).isBetween(1L, size - 1);
        assertThat(fixture.sink.delivered()).isEmpty();

        fixture.restart();
        RunReport resumed = fixture.runner(connector).runOnce();

        assertThat(resumed.succeeded()).isTrue();
        assertThat(resumed.bytes()).isEqualTo(size - pending.fetchedBytes());
        assertThat(server.firstReadOffsets()).containsExactly(0L, pending.fetchedBytes());
        assertThat(sha256(fixture.sink.file("sales/20260212/long-call.wav")))
                .isEqualTo(GeneratedContent.sha256(size, 42));
        assertThat(fixture.reload(connector).status()).extracting(ConnectorStatus::failure,
                ConnectorStatus::consecutiveFailures).containsExactly(null, 0);
    }

    @Test
    void aChangedHostKeyStopsTheConnectorUntilTheNewKeyIsConfirmed() {
        RemoteFiles.write(remote, "depot/20260212/call-1.mp3", "first");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), password());
        fixture.runner(connector).runOnce();
        RemoteFiles.write(remote, "depot/20260212/call-2.mp3", "second");

        server.replaceHostKey();
        RunReport refused = fixture.runner(connector).runOnce();

        assertThat(refused.failure().failure()).isEqualTo(PullFailure.HOST_KEY_CHANGED);
        ConnectorStatus status = fixture.reload(connector).status();
        assertThat(status.failure()).isEqualTo(PullFailure.HOST_KEY_CHANGED);
        assertThat(status.failureMessage()).contains(server.hostKeyFingerprint(), "Nothing was fetched");
        assertThat(fixture.sink.delivered()).containsExactly("sales/20260212/call-1.mp3");

        fixture.connectors.confirmFingerprint(fixture.orgId, connector.id(), server.hostKeyFingerprint());
        assertThat(fixture.runner(connector).runOnce().succeeded()).isTrue();
        assertThat(fixture.sink.delivered()).containsExactly("sales/20260212/call-1.mp3", "sales/20260212/call-2.mp3");
    }

    @Test
    void aWrongPasswordIsShownOnTheConnectorRunAfterRun() {
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), Credentials.password("wrong"));

        fixture.runner(connector).runOnce();
        RunReport second = fixture.runner(connector).runOnce();

        assertThat(second.consecutiveFailures()).isEqualTo(2);
        ConnectorStatus status = fixture.reload(connector).status();
        assertThat(status.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS);
        assertThat(status.failureMessage()).isEqualTo("The SFTP server 127.0.0.1:" + server.port()
                + " refused the login of 'recorder' with the password given.");
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.lastSuccessAt()).isNull();
    }

    @Test
    void aPercentageIsPickedBeforeAnythingIsDownloaded() {
        IntStream.range(0, 10).forEach(i -> RemoteFiles.write(remote, "depot/20260212/call-" + i + ".mp3", "c" + i));
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0)
                .withPicking(PickingRule.parse("30%"), null), password());

        RunReport report = fixture.runner(connector).runOnce();

        assertThat(report.delivered()).isEqualTo(3);
        assertThat(report.notPicked()).isEqualTo(7);
        assertThat(server.firstReadOffsets()).as("only picked files are opened").hasSize(3);
        assertThat(fixture.ledger.counts(connector.id())).containsEntry(PullState.NOT_PICKED, 7)
                .containsEntry(PullState.DELIVERED, 3);
        RunReport next = fixture.runner(connector).runOnce();
        assertThat(next.delivered() + next.notPicked()).as("a left-out file is not offered again").isZero();
    }

    @Test
    void atMostNPerAgentAndSidecarsFollowTheirRecordings() {
        String folder = "depot/2026_02_12/";
        for (String name : List.of("2026_02_12_08_00_00_Jean_Dupont_Entrant_478_0682316817_163",
                "2026_02_12_09_00_00_Jean_Dupont_Entrant_478_0682316817_163",
                "2026_02_12_09_30_00_Ann_Lee_Sortant_512_0682316817_12",
                "2026_02_12_10_00_00_Ann_Lee_Sortant_512_0682316817_12")) {
            RemoteFiles.write(remote, folder + name + ".mp3", name);
            RemoteFiles.write(remote, folder + name + ".json", "{}");
        }
        RemoteFiles.write(remote, folder + "batch.csv", "file;agent\n");
        PullConnector connector = fixture.create(sftp(DateFolders.UNDERSCORED, 0).withPicking(
                PickingRule.parse("1 per agent"), FileNameConvention.preset(FileNameConvention.RECORDER_PRESET)),
                password());

        RunReport report = fixture.runner(connector).runOnce();

        assertThat(fixture.sink.delivered()).containsExactlyInAnyOrder(
                "sales/2026_02_12/2026_02_12_08_00_00_Jean_Dupont_Entrant_478_0682316817_163.json",
                "sales/2026_02_12/2026_02_12_08_00_00_Jean_Dupont_Entrant_478_0682316817_163.mp3",
                "sales/2026_02_12/2026_02_12_09_30_00_Ann_Lee_Sortant_512_0682316817_12.json",
                "sales/2026_02_12/2026_02_12_09_30_00_Ann_Lee_Sortant_512_0682316817_12.mp3",
                "sales/2026_02_12/batch.csv");
        assertThat(report.notPicked()).isEqualTo(4);
    }

    @Test
    void aChangedFileIsFetchedAgainButTheSameContentIsHandedOverOnce() throws IOException {
        Path call = RemoteFiles.write(remote, "depot/20260212/call.mp3", "original");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), password());
        fixture.runner(connector).runOnce();

        Files.setLastModifiedTime(call, FileTime.from(RemoteFiles.WRITTEN.plusSeconds(60)));
        RemoteFiles.write(remote, "depot/20260212/another-call.mp3", "original");
        RunReport touched = fixture.runner(connector).runOnce();

        assertThat(touched.unchanged()).isEqualTo(1);
        assertThat(fixture.ledger.find(connector.id(), "20260212/call.mp3").orElseThrow().state())
                .isEqualTo(PullState.UNCHANGED);
        assertThat(fixture.sink.delivered()).as("another name is another call, whatever its bytes")
                .containsExactly("sales/20260212/call.mp3", "sales/20260212/another-call.mp3");

        Files.writeString(call, "re-recorded");
        Files.setLastModifiedTime(call, FileTime.from(RemoteFiles.WRITTEN.plusSeconds(120)));
        assertThat(fixture.runner(connector).runOnce().delivered()).isEqualTo(1);
        assertThat(fixture.sink.file("sales/20260212/call.mp3")).hasContent("re-recorded");
        assertThat(fixture.ledger.find(connector.id(), "20260212/call.mp3").orElseThrow().state())
                .isEqualTo(PullState.DELIVERED);
    }

    @Test
    void filesStillBeingWrittenWaitForTheQuietPeriod() throws IOException {
        Path fresh = RemoteFiles.write(remote, "depot/20260212/fresh.mp3", "still recording");
        Files.setLastModifiedTime(fresh, FileTime.from(PullFixture.NOW.minusSeconds(10)));
        RemoteFiles.write(remote, "depot/20260212/upload.mp3.part", "partial upload");
        RemoteFiles.write(remote, "depot/20260212/.hidden.mp3", "hidden");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0)
                .withTransfers(Duration.ofMinutes(1), 4), password());

        assertThat(fixture.runner(connector).runOnce().delivered()).isZero();
        assertThat(fixture.ledger.find(connector.id(), "20260212/fresh.mp3")).isEmpty();

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.runner(connector).runOnce().delivered()).isEqualTo(1);
        assertThat(fixture.sink.delivered()).containsExactly("sales/20260212/fresh.mp3");
    }

    @Test
    void aRefusedFileIsRecordedWhileTheOthersAreFetched() {
        RemoteFiles.write(remote, "depot/20260212/a.mp3", "a");
        RemoteFiles.write(remote, "depot/20260212/forbidden.mp3", "secret");
        RemoteFiles.write(remote, "depot/20260212/z.mp3", "z");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), password());

        RunReport report = fixture.runner(connector).runOnce();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.failedFiles()).isEqualTo(1);
        assertThat(fixture.sink.delivered()).containsExactlyInAnyOrder("sales/20260212/a.mp3", "sales/20260212/z.mp3");
        LedgerEntry refused = fixture.ledger.find(connector.id(), "20260212/forbidden.mp3").orElseThrow();
        assertThat(refused.state()).isEqualTo(PullState.PENDING);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.lastError()).isEqualTo("The SFTP account 'recorder' may not read "
                + "depot/20260212/forbidden.mp3 on 127.0.0.1.");
    }

    @Test
    void aFileThePipelineCouldNotTakeIsOfferedAgainWithoutFetchingIt() {
        RemoteFiles.write(remote, "depot/20260212/call.mp3", "call");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), password());
        fixture.sink.failNext(1);

        fixture.runner(connector).runOnce();
        assertThat(fixture.ledger.find(connector.id(), "20260212/call.mp3").orElseThrow().state())
                .isEqualTo(PullState.FETCHED);

        fixture.restart();
        RunReport next = fixture.runner(connector).runOnce();

        assertThat(next.delivered()).isEqualTo(1);
        assertThat(next.bytes()).isZero();
        assertThat(server.firstReadOffsets()).hasSize(1);
        assertThat(fixture.sink.delivered()).containsExactly("sales/20260212/call.mp3");
    }

    @Test
    void aStagedCopyDamagedBeforeItsHandOverIsFetchedAgain() throws IOException {
        RemoteFiles.write(remote, "depot/20260212/call.mp3", "the real recording");
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0), password());
        fixture.sink.failNext(1);
        fixture.runner(connector).runOnce();
        Path staged = fixture.staging.resolve(connector.id()).resolve("20260212/call.mp3");
        assertThat(staged).hasContent("the real recording");

        Files.writeString(staged, "the real rec");
        RunReport next = fixture.runner(connector).runOnce();

        assertThat(next.delivered()).isEqualTo(1);
        assertThat(server.firstReadOffsets()).containsExactly(0L, 0L);
        assertThat(fixture.sink.file("sales/20260212/call.mp3")).hasContent("the real recording");
    }

    @Test
    void manyFilesOnParallelConnectionsAreEachDeliveredOnce() {
        IntStream.range(0, 40).forEach(i -> RemoteFiles.write(remote, "depot/20260212/call-" + i + ".mp3",
                "content " + i));
        PullConnector connector = fixture.create(sftp(DateFolders.COMPACT, 0).withTransfers(Duration.ZERO, 4),
                password());

        RunReport report = fixture.runner(connector).runOnce();

        assertThat(report.delivered()).isEqualTo(40);
        assertThat(fixture.sink.delivered()).doesNotHaveDuplicates().hasSize(40);
        assertThat(fixture.sink.file("sales/20260212/call-17.mp3")).hasContent("content 17");
    }

    private ConnectorSettings sftp(String dateFolders, int lookbackDays) {
        return ConnectorSettings.of("Recorder", new SftpSite("127.0.0.1", server.port(), SftpTestServer.USER,
                "depot")).withDateFolders(new DateFolders(dateFolders), lookbackDays);
    }

    private static Credentials password() {
        return Credentials.password(SftpTestServer.PASSWORD);
    }

    private List<Path> stagedFiles() throws IOException {
        if (!Files.exists(fixture.staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(fixture.staging)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
