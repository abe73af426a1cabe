package io.callport.server.sftp;

import java.util.Arrays;
import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.SizeLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The embedded SFTP server driven by JSch, the library the Uploader and many recorders use. */
class JschUploadTest extends SftpServerFixture {

    @Test
    void recordingsAndCsvUploadedWithJschLandOnceEach() throws Exception {
        byte[] first = randomBytes(2_000_000, 11);
        byte[] second = randomBytes(700_000, 12);
        Session session = connect("sales-uploader", salesKey);
        try {
            ChannelSftp sftp = openSftp(session);
            sftp.put(new ByteArrayInputStream(first), "20261102-083700_outbound_478.wav");
            sftp.put(new ByteArrayInputStream(second), "20261102-091400_inbound_478.mp3");
            sftp.put(new ByteArrayInputStream("call_id,agent\n478,ann\n".getBytes(StandardCharsets.UTF_8)),
                    "calls.csv");
            assertThat(sftp.ls(".")).extracting(entry -> ((ChannelSftp.LsEntry) entry).getFilename())
                    .contains("20261102-083700_outbound_478.wav", "calls.csv");
        } finally {
            session.disconnect();
        }

        assertThat(events).extracting(LandedFile::relativePath).containsExactly(
                "20261102-083700_outbound_478.wav", "20261102-091400_inbound_478.mp3", "calls.csv");
        assertThat(sha256(events.get(0).file())).isEqualTo(sha256(first));
        assertThat(sha256(events.get(1).file())).isEqualTo(sha256(second));
        assertThat(events).extracting(LandedFile::campaign).containsOnly(SALES);
    }

    @Test
    void writePastTheLimitReportsAClearFailure() throws Exception {
        server.stop();
        startServer(new SizeLimits(1 << 20, 2 << 20, 100 << 10), settings());
        Session session = connect("sales-uploader", salesKey);
        try {
            ChannelSftp sftp = openSftp(session);
            assertThatThrownBy(() -> sftp.put(new ByteArrayInputStream(new byte[1_500_000]), "call.wav"))
                    .isInstanceOfSatisfying(SftpException.class, e -> {
                        assertThat(e.id).isEqualTo(ChannelSftp.SSH_FX_FAILURE);
                        assertThat(e.getMessage()).isEqualTo("SSH_FX_FAILURE: call.wav is larger than the 1 MB limit"
                                + " for a recording; it was not kept.");
                    });
        } finally {
            session.disconnect();
        }
        assertThat(events).isEmpty();
        assertThat(landing.campaignDir(SALES)).isEmptyDirectory();
        assertThat(partials()).isEmpty();
    }

    @Test
    void refusalsExplainThemselves() throws Exception {
        Session session = connect("acme", orgKey);
        try {
            ChannelSftp sftp = openSftp(session);
            assertThatThrownBy(() -> sftp.mkdir("new-campaign"))
                    .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "SSH_FX_PERMISSION_DENIED: Only files and folders inside a campaign folder can be created,"
                                    + " changed or removed."));
            sftp.put(new ByteArrayInputStream(new byte[10]), "sales/call.wav");
            assertThatThrownBy(() -> sftp.rename("sales/call.wav", "sales/renamed.wav"))
                    .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "SSH_FX_PERMISSION_DENIED: call.wav has arrived and is being processed, so it cannot be"
                                    + " renamed; upload it again under the new name."));
        } finally {
            session.disconnect();
        }
    }

    @Test
    void sessionClosedDuringALargeWriteLeavesNoFileAndNoEvent() throws Exception {
        Session session = connect("sales-uploader", salesKey);
        ChannelSftp sftp = openSftp(session);
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
            try {
                sftp.put(new EndlessZeros(1L << 30), "long-call.wav");
            } catch (SftpException e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntil(() -> partialBytes() > 5_000_000, Duration.ofSeconds(30));

        session.disconnect();

        assertThat(upload).failsWithin(Duration.ofSeconds(15));
        waitUntil(() -> partials().isEmpty(), Duration.ofSeconds(15));
        assertThat(landing.campaignDir(SALES)).isEmptyDirectory();
        assertThat(events).isEmpty();
    }

    @Test
    void passwordLoginWorksOnlyWhereTheAccountAllowsIt() throws Exception {
        assertThatThrownBy(() -> connectWithPassword("sales-uploader", "s3cret-password"))
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");

        accounts.allowPassword("sales-uploader", "s3cret-password");
        Session session = connectWithPassword("sales-uploader", "s3cret-password");
        try {
            openSftp(session).put(new ByteArrayInputStream(new byte[10]), "by-password.wav");
        } finally {
            session.disconnect();
        }
        assertThat(events).extracting(LandedFile::relativePath).containsExactly("by-password.wav");
    }

    private Session connect(String user, Path key) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(key.toString());
        Session session = jsch.getSession(user, "127.0.0.1", server.port());
        session.setConfig("StrictHostKeyChecking", "no");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        return session;
    }

    private Session connectWithPassword(String user, String password) throws JSchException {
        Session session = new JSch().getSession(user, "127.0.0.1", server.port());
        session.setPassword(password);
        session.setConfig("StrictHostKeyChecking", "no");
        session.setConfig("PreferredAuthentications", "password");
        session.connect(10_000);
        return session;
    }

    private static ChannelSftp openSftp(Session session) throws JSchException {
        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
        return sftp;
    }

    /** A long stream of zeros that never sits in memory. */
    private static final class EndlessZeros extends InputStream {
        private long remaining;

        EndlessZeros(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            Arrays.fill(buffer, offset, offset + count, (byte) 0);
            remaining -= count;
            return count;
        }
    }
}
