package io.callport.server.sftp;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.landing.LandedFile;
import io.callport.server.landing.SizeLimits;
import io.callport.server.landing.UploadSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded SFTP server driven by OpenSSH's sftp client, as customers' scripts drive it. */
class SftpServerTest extends SftpServerFixture {

    @Test
    void recordingsAndCsvUploadedWithOpenSshLandOnceEach() throws Exception {
        byte[] recording = randomBytes(3_000_000, 1);
        Files.write(local.resolve("20261102-083700_outbound_478.wav"), recording);
        Files.writeString(local.resolve("calls.csv"), "call_id,agent\n478,ann\n");

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                put %1$s/20261102-083700_outbound_478.wav
                mkdir 2026-11-02
                put %1$s/calls.csv 2026-11-02/calls.csv
                ls -1 2026-11-02
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("2026-11-02/calls.csv");
        assertThat(events).extracting(LandedFile::relativePath)
                .containsExactly("20261102-083700_outbound_478.wav", "2026-11-02/calls.csv");
        LandedFile landed = events.getFirst();
        assertThat(landed.campaign()).isEqualTo(SALES);
        assertThat(landed.source()).isEqualTo(UploadSource.SFTP);
        assertThat(landed.size()).isEqualTo(recording.length);
        assertThat(sha256(landed.file())).isEqualTo(sha256(recording));
        assertThat(landed.file()).hasBinaryContent(recording);
        assertThat(partials()).isEmpty();
    }

    @Test
    void campaignKeySeesOnlyItsCampaignAndCannotClimbOut() throws Exception {
        Files.writeString(landing.campaignDir(SUPPORT).resolve("support-call.wav"), "support");
        Files.writeString(landing.campaignDir(RIVAL).resolve("rival-call.wav"), "rival");
        Files.writeString(local.resolve("x.wav"), "escape attempt");

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                cd ../..
                pwd
                ls -1a
                -ls -1 /../support
                -ls -1 ../../../globex/sales
                put %1$s/x.wav ../../escape.wav
                -put %1$s/x.wav /../../../globex/sales/planted.wav
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.printedBy("pwd")).containsExactly("Remote working directory: /");
        assertThat(result.printedBy("ls -1a")).containsExactly(".");
        assertThat(result.printedBy("-ls -1 /../support")).singleElement().asString().contains("not found");
        assertThat(result.printedBy("-ls -1 ../../../globex/sales")).singleElement().asString().contains("not found");
        assertThat(result.printedBy("-put %s/x.wav /../../../globex/sales/planted.wav".formatted(local)))
                .singleElement().asString().contains("No such file");
        assertThat(events).extracting(LandedFile::campaign, LandedFile::relativePath)
                .containsExactly(tuple(SALES, "escape.wav"));
        assertThat(landing.campaignDir(SALES)).isDirectoryNotContaining("glob:**/globex");
        assertThat(landing.campaignDir(RIVAL).resolve("planted.wav")).doesNotExist();
        assertThat(landing.organisationDir("acme").resolve("escape.wav")).doesNotExist();
        assertThat(landing.root().resolve("escape.wav")).doesNotExist();
    }

    @Test
    void organisationKeySeesOneFolderPerCampaignOfItsOwnOrganisation() throws Exception {
        Files.writeString(local.resolve("call.wav"), "hello");

        OpenSsh.Result result = openSsh.batch(orgKey, "acme", server.port(), """
                ls -1
                -put %1$s/call.wav
                -mkdir newcampaign
                -put %1$s/call.wav ../../globex/sales/call.wav
                put %1$s/call.wav support/call.wav
                -rmdir support
                -rename support renamed
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.printedBy("ls -1")).containsExactly("sales", "support");
        assertThat(result.printedBy("-put %s/call.wav".formatted(local))).singleElement().asString()
                .contains("Permission denied");
        assertThat(result.printedBy("-mkdir newcampaign")).singleElement().asString().contains("Permission denied");
        assertThat(result.printedBy("-put %s/call.wav ../../globex/sales/call.wav".formatted(local)))
                .singleElement().asString().contains("No such file");
        assertThat(result.printedBy("-rmdir support")).singleElement().asString().contains("Permission denied");
        assertThat(result.printedBy("-rename support renamed")).singleElement().asString().contains("Permission denied");
        assertThat(events).extracting(LandedFile::campaign, LandedFile::relativePath)
                .containsExactly(tuple(SUPPORT, "call.wav"));
        try (Stream<Path> orgFolders = Files.list(landing.organisationDir("acme"))) {
            assertThat(orgFolders).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("sales", "support");
        }
        assertThat(landing.campaignDir(RIVAL)).isEmptyDirectory();
    }

    @Test
    void linksCopiesAndRenamesOfArrivedFilesAreRefused() throws Exception {
        Files.writeString(local.resolve("call.wav"), "hello");

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                put %1$s/call.wav
                -symlink call.wav link.wav
                -symlink /../../../../etc/passwd passwd
                -ln call.wav hard.wav
                -rename call.wav other.wav
                ls -1
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        for (String refused : List.of("-symlink call.wav link.wav", "-symlink /../../../../etc/passwd passwd",
                "-ln call.wav hard.wav", "-rename call.wav other.wav")) {
            assertThat(result.printedBy(refused)).singleElement().asString().contains("Permission denied");
        }
        assertThat(result.printedBy("ls -1")).containsExactly("call.wav");
        try (Stream<Path> files = Files.list(landing.campaignDir(SALES))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("call.wav");
        }
        assertThat(events).hasSize(1);
    }

    @Test
    void uploadUnderATemporaryNameLandsOnceWhenRenamed() throws Exception {
        byte[] recording = randomBytes(500_000, 2);
        Files.write(local.resolve("call.wav"), recording);

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                put %1$s/call.wav call.wav.filepart
                ls -1
                rename call.wav.filepart call.wav
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("call.wav.filepart");
        assertThat(events).singleElement().satisfies(landed -> {
            assertThat(landed.relativePath()).isEqualTo("call.wav");
            assertThat(sha256(landed.file())).isEqualTo(sha256(recording));
        });
        assertThat(landing.campaignDir(SALES).resolve("call.wav.filepart")).doesNotExist();
    }

    @Test
    void uploadKilledMidwayLeavesNoFileAndNoEvent() throws Exception {
        Path big = sparseFile(local.resolve("long-call.wav"), 1L << 30);

        Process sftp = openSsh.startBatch(salesKey, "sales-uploader", server.port(), "put " + big + "\n");
        waitUntil(() -> partialBytes() > 5_000_000, Duration.ofSeconds(30));
        sftp.descendants().forEach(ProcessHandle::destroyForcibly);
        sftp.destroyForcibly().waitFor();

        waitUntil(() -> partials().isEmpty(), Duration.ofSeconds(15));
        assertThat(landing.campaignDir(SALES)).isEmptyDirectory();
        assertThat(events).isEmpty();
    }

    @Test
    void uploadUnderATemporaryNameCutOffIsKeptUnderThatNameAndResumesFromItsSize() throws Exception {
        byte[] recording = randomBytes(48_000_000, 5);
        Path file = Files.write(local.resolve("long-call.wav"), recording);
        Path parked = landing.campaignDir(SALES).resolve("long-call.wav.filepart");

        Process sftp = openSsh.startBatch(salesKey, "sales-uploader", server.port(),
                "put " + file + " long-call.wav.filepart\n");
        waitUntil(() -> partialBytes() > 5_000_000, Duration.ofSeconds(30));
        sftp.descendants().forEach(ProcessHandle::destroyForcibly);
        sftp.destroyForcibly().waitFor();
        waitUntil(() -> Files.exists(parked), Duration.ofSeconds(15));
        long kept = Files.size(parked);
        assertThat(kept).isBetween(1L, (long) recording.length - 1);
        assertThat(Files.mismatch(parked, file)).as("what was kept is the file's beginning").isEqualTo(kept);
        assertThat(events).isEmpty();

        OpenSsh.Result resumed = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                reput %s long-call.wav.filepart
                rename long-call.wav.filepart long-call.wav
                """.formatted(file));

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        // reput writes only from the kept size on: the whole file lands only if the server continued the kept bytes
        assertThat(events).singleElement().satisfies(landed -> {
            assertThat(landed.relativePath()).isEqualTo("long-call.wav");
            assertThat(sha256(landed.file())).isEqualTo(sha256(recording));
        });
        assertThat(parked).doesNotExist();
        assertThat(partials()).isEmpty();
    }

    @Test
    void uploadCutOffByAServerStopLeavesNoFileAndNoEvent() throws Exception {
        Path big = sparseFile(local.resolve("long-call.wav"), 1L << 30);

        Process sftp = openSsh.startBatch(salesKey, "sales-uploader", server.port(), "put " + big + "\n");
        waitUntil(() -> partialBytes() > 5_000_000, Duration.ofSeconds(30));
        server.stop();
        sftp.waitFor();

        waitUntil(() -> partials().isEmpty(), Duration.ofSeconds(15));
        assertThat(sftp.exitValue()).isNotZero();
        assertThat(landing.campaignDir(SALES)).isEmptyDirectory();
        assertThat(events).isEmpty();
    }

    @Test
    void writePastTheLimitFailsClearlyAndLeavesNothing() throws Exception {
        server.stop();
        startServer(new SizeLimits(1 << 20, 2 << 20, 100 << 10), settings());
        Files.write(local.resolve("call.wav"), randomBytes(1_500_000, 3));
        Files.write(local.resolve("small.wav"), randomBytes(900_000, 4));

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                -put %1$s/call.wav
                put %1$s/small.wav
                """.formatted(local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsIgnoringCase("failure");
        assertThat(events).extracting(LandedFile::relativePath).containsExactly("small.wav");
        assertThat(landing.campaignDir(SALES).resolve("call.wav")).doesNotExist();
        assertThat(partials()).isEmpty();
    }

    @Test
    void hostKeyIsKeptAcrossRestartsSoKnownHostsStayValid() throws Exception {
        int port = server.port();
        Path hostKey = dir.resolve(SftpSettings.HOST_KEY_FILE_NAME);
        String fingerprint = HostKey.loadOrCreate(hostKey).fingerprint();
        assertThat(Files.getPosixFilePermissions(hostKey)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(openSsh.batch(salesKey, "sales-uploader", port, "pwd\n", "StrictHostKeyChecking=accept-new")
                .exitCode()).isZero();

        server.stop();
        startServer(SizeLimits.DEFAULT, settings().withPort(port));

        OpenSsh.Result again = openSsh.batch(salesKey, "sales-uploader", port, "pwd\n", "StrictHostKeyChecking=yes");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(HostKey.loadOrCreate(hostKey).fingerprint()).isEqualTo(fingerprint).startsWith("SHA256:");
        assertThat(Files.readString(dir.resolve("known_hosts"))).contains("ssh-ed25519");
    }

    @Test
    void repeatedFailedLoginsLockTheAddressOutForAWhile() throws Exception {
        server.stop();
        startServer(SizeLimits.DEFAULT, settings().withLoginThrottle(3, Duration.ofSeconds(3)));
        Path strangerKey = OpenSsh.keygen(dir.resolve("stranger_key"));

        for (int i = 0; i < 3; i++) {
            assertThat(openSsh.batch(strangerKey, "sales-uploader", server.port(), "pwd\n").exitCode()).isNotZero();
        }
        assertThat(openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n").exitCode())
                .as("a good key is refused while the address is locked out").isNotZero();

        Thread.sleep(3_500);
        OpenSsh.Result afterWindow = openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n");
        assertThat(afterWindow.exitCode()).as(afterWindow.output()).isZero();
    }

    @Test
    void aesGcmIsOfferedFirstAndChacha20NotAtAll() throws Exception {
        OpenSsh.Result verbose = openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n", "LogLevel=DEBUG3");
        assertThat(verbose.output().lines().filter(line -> line.startsWith("debug2: ciphers stoc: "))
                .toList()).as(verbose.output()).last().isEqualTo("debug2: ciphers stoc: aes128-gcm@openssh.com,"
                        + "aes256-gcm@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr");

        OpenSsh.Result gcm = openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n", "LogLevel=DEBUG",
                "Ciphers=aes128-gcm@openssh.com,aes128-ctr");
        assertThat(gcm.output()).contains("client->server cipher: aes128-gcm@openssh.com");
        OpenSsh.Result chacha = openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n",
                "Ciphers=chacha20-poly1305@openssh.com");
        assertThat(chacha.exitCode()).isNotZero();
        assertThat(chacha.output()).contains("no matching cipher");
    }

    @ParameterizedTest
    @ValueSource(strings = {"umac-64-etm@openssh.com", "umac-64@openssh.com"})
    void aRecordingSentWithUmacArrivesWhole(String mac) throws Exception {
        byte[] recording = randomBytes(3_000_000, 3); // about a hundred packets, each with its own nonce
        Files.write(local.resolve("call.wav"), recording);

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(),
                "put %s/call.wav\n".formatted(local), "LogLevel=DEBUG", "Ciphers=aes128-ctr", "MACs=" + mac);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("client->server cipher: aes128-ctr MAC: " + mac);
        assertThat(events).singleElement().extracting(file -> sha256(file.file())).isEqualTo(sha256(recording));
    }

    @Test
    void openSshPicksUmacWithAesCtrByDefault() throws Exception {
        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), "pwd\n", "LogLevel=DEBUG",
                "Ciphers=aes128-ctr");

        assertThat(result.output()).as(result.output())
                .contains("client->server cipher: aes128-ctr MAC: umac-64-etm@openssh.com");
    }
}
