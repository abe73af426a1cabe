package io.callport.service.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.service.api.SftpAccess;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestFiles;
import io.callport.testing.TestProfiles;
import io.callport.testsupport.CuttingProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large upload through a proxy that cuts the connection (a reset both ways) at 20 seeded random offsets: over
 * SFTP and over HTTP (tus), the Uploader resumes where the server got to, the file arrives whole, and each cut costs
 * at most what the client had in flight. The size is {@value #SIZE_PROPERTY} (64 MiB unless set; bench/network-cuts
 * runs 1 GiB), and each run prints its totals.
 */
class NetworkCutsTest {
    static final String SIZE_PROPERTY = "callport.networkCuts.bytes";
    private static final long SIZE = Long.getLong(SIZE_PROPERTY, 64L << 20);
    private static final long SEED = Long.getLong("callport.networkCuts.seed", 20);
    private static final int CUTS = 20;
    private static final String NAME = "long-call.wav";
    /**
     * What an SFTP channel of the Uploader may have in flight, and so lose in a cut: its write requests, each at most
     * one packet of the server's largest.
     */
    private static final long SFTP_WINDOW = UploadTuning.DEFAULT.sftpBulkRequests()
            * CoreModuleProperties.MAX_PACKET_SIZE.getRequiredDefault();
    /** What a tus upload may lose in a cut: the chunk being sent, which the server keeps only whole. */
    private static final long TUS_WINDOW = UploadTuning.DEFAULT.tusChunkBytes();

    @TempDir
    Path dir;
    @RegisterExtension
    final ServerFixture server = new ServerFixture("Inbound Sales");

    @Test
    void anSftpUploadCutTwentyTimesArrivesWholeAndEachCutCostsAtMostTheRequestWindow() throws Exception {
        Path recording = TestFiles.random(dir.resolve(NAME), SIZE, SEED);
        Profile direct = TestProfiles.sftp(server.server(), server.campaignId(), dir);
        try (CuttingProxy proxy = CuttingProxy.to("127.0.0.1", server.server().sftpPort())) {
            SftpAccess account = direct.sftp();
            Profile profile = direct.withSftp(direct.sshKey(), new SftpAccess(account.id(), "127.0.0.1",
                    proxy.port(), account.username(), account.campaignId(), account.fingerprint()));

            Totals totals = uploadCutOff(proxy, profile, server.client(), recording);

            assertWhole(recording, server.landingFolder().resolve(NAME));
            assertThat(totals.resentPerCut()).as("bytes sent again per cut").isLessThanOrEqualTo(SFTP_WINDOW);
            assertThat(server.arrived()).containsExactly(NAME);
        }
    }

    @Test
    void aTusUploadCutTwentyTimesArrivesWholeAndEachCutCostsAtMostOneChunk() throws Exception {
        Path recording = TestFiles.random(dir.resolve(NAME), SIZE, SEED);
        try (CuttingProxy proxy = CuttingProxy.to("127.0.0.1", port(server.server().url()))) {
            // over HTTP the client carries the server's address
            ServerClient throughProxy = new ServerClient("http://127.0.0.1:" + proxy.port(),
                    server.server().ownerKey());

            Totals totals = uploadCutOff(proxy, server.httpProfile(), throughProxy, recording);

            List<String> arrived = server.arrived();
            assertThat(arrived).singleElement().asString().endsWith("/" + NAME);
            assertWhole(recording, server.landingFolder().resolve(arrived.getFirst()));
            assertThat(totals.resentPerCut()).as("bytes sent again per cut").isLessThanOrEqualTo(TUS_WINDOW);
        }
    }

    /** Sends the file through the proxy, which cuts at {@link #CUTS} offsets of the file, and prints the totals. */
    private Totals uploadCutOff(CuttingProxy proxy, Profile profile, ServerClient client, Path recording)
            throws Exception {
        proxy.cutAt(CuttingProxy.randomOffsets(SEED, CUTS, SIZE));
        UploadService service = new UploadService(dir.resolve("config"), UploadTuning.DEFAULT,
                UploadQueueTest.QUICK_RETRIES, Clock.systemUTC());
        UploadQueue queue = service.prepare(profile, client, server.campaignId(), UploadPlan.of(List.of(recording)));
        long started = System.nanoTime();
        queue.start();
        assertThat(queue.await(Duration.ofMinutes(5).plus(Duration.ofSeconds(SIZE >> 20)))).as("the upload ends")
                .isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;

        UploadSnapshot done = queue.snapshot();
        assertThat(done.allAccepted()).as(done.toString()).isTrue();
        assertThat(proxy.cuts()).as("every cut fell inside the upload").isEqualTo(CUTS);
        Totals totals = new Totals(proxy.forwardedToServer() - SIZE, proxy.cuts());
        System.out.printf(Locale.ROOT, "network-cuts transport=%s bytes=%d cuts=%d resent=%d resentPerCut=%d "
                        + "seconds=%.1f sha256=ok%n", profile.transport().name().toLowerCase(Locale.ROOT), SIZE,
                totals.cuts(), totals.resent(), totals.resentPerCut(), seconds);
        return totals;
    }

    /** Bytes the proxy carried to the server beyond the file itself (resent bytes, and the protocols' own). */
    private record Totals(long resent, int cuts) {
        long resentPerCut() {
            return resent / cuts;
        }
    }

    private static void assertWhole(Path sent, Path stored) throws IOException {
        assertThat(Files.size(stored)).isEqualTo(Files.size(sent));
        assertThat(sha256(stored)).as("SHA-256 of the stored file").isEqualTo(sha256(sent));
    }

    private static String sha256(Path file) throws IOException {
        return Digests.await(Digests.sha256Beside(file));
    }

    private static int port(String url) {
        return java.net.URI.create(url).getPort();
    }
}
