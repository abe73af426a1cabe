package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpPullSourceTest {
    @TempDir
    Path root;
    private SftpTestServer server;
    private String privateKey;

    @BeforeEach
    void start() throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        key.writePrivateKey(pem);
        privateKey = pem.toString(StandardCharsets.US_ASCII);
        PublicKey accepted = new ByteArrayBuffer(key.getPublicKeyBlob()).getRawPublicKey();
        server = new SftpTestServer(root, accepted);
        RemoteFiles.write(root, "depot/audio/20260211/2026_02_11_15_20_33_Jean_Dupont.mp3", "first call");
        RemoteFiles.write(root, "depot/audio/20260212/2026_02_12_09_00_00_Ann_Lee.mp3", "second call");
        RemoteFiles.write(root, "depot/audio/readme.txt", "not in a date folder");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void listsTheDateFoldersAndADayWithoutAFolderIsEmpty() throws Exception {
        try (PullSession session = source(SftpTestServer.PASSWORD, null).connect()) {
            assertThat(session.candidates(new DateFolders("yyyyMMdd"), LocalDate.of(2026, 2, 10),
                    LocalDate.of(2026, 2, 12))).containsExactly(
                    new RemoteFile("20260211/2026_02_11_15_20_33_Jean_Dupont.mp3", 10, RemoteFiles.WRITTEN),
                    new RemoteFile("20260212/2026_02_12_09_00_00_Ann_Lee.mp3", 11, RemoteFiles.WRITTEN));
            assertThat(session.list("")).extracting(RemoteFile::path).containsExactly("readme.txt");
        }
    }

    @Test
    void fetchesAWholeFileOrTheRestFromAnOffset() throws Exception {
        RemoteFile file = new RemoteFile("20260211/2026_02_11_15_20_33_Jean_Dupont.mp3", 10, RemoteFiles.WRITTEN);
        try (PullSession session = source(SftpTestServer.PASSWORD, null).connect()) {
            assertThat(RemoteFiles.fetch(session, file, 0)).isEqualTo("first call");
            assertThat(RemoteFiles.fetch(session, file, 6)).isEqualTo("call");
        }
        assertThat(server.firstReadOffsets()).containsExactly(0L, 6L);
    }

    @Test
    void pinsTheHostKeyOnFirstUseAndRefusesAChangedOne() throws Exception {
        String seen;
        try (PullSession session = source(SftpTestServer.PASSWORD, null).connect()) {
            seen = session.serverFingerprint().orElseThrow();
        }
        assertThat(seen).isEqualTo(server.hostKeyFingerprint()).startsWith("SHA256:");
        try (PullSession session = source(SftpTestServer.PASSWORD, seen).connect()) {
            assertThat(session.serverFingerprint()).contains(seen);
        }

        server.replaceHostKey();

        assertThatThrownBy(() -> source(SftpTestServer.PASSWORD, seen).connect()).isInstanceOfSatisfying(
                PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + server.port(), server.hostKeyFingerprint(),
                            "but " + seen + " was pinned", "Nothing was fetched");
                });
    }

    @Test
    void aWrongPasswordIsBadCredentials() {
        assertThatThrownBy(() -> source("wrong", null).connect()).isInstanceOfSatisfying(PullException.class, e -> {
            assertThat(e.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS);
            assertThat(e.getMessage()).isEqualTo("The SFTP server 127.0.0.1:" + server.port() + " refused the login "
                    + "of 'recorder' with the password given.");
        });
    }

    @Test
    void logsInWithAPrivateKeyAndRefusesAnotherKey() throws Exception {
        SftpSite site = new SftpSite("127.0.0.1", server.port(), SftpTestServer.USER, "/depot/audio");
        try (PullSession session = new SftpPullSource(site, Credentials.privateKey(privateKey, null), null)
                .connect()) {
            assertThat(session.list("20260211")).hasSize(1);
        }

        KeyPair other = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        other.writePrivateKey(pem);
        assertThatThrownBy(() -> new SftpPullSource(site, Credentials.privateKey(pem.toString(
                StandardCharsets.US_ASCII), null), null).connect()).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS));
        assertThatThrownBy(() -> new SftpPullSource(site, Credentials.privateKey("not a key", null), null)
                .connect()).isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS);
                    assertThat(e.getMessage()).contains("private key", "cannot be read");
                });
    }

    @Test
    void anUnreachableServerAMissingBasePathAndARefusedFileAreToldApart() throws Exception {
        int closed = RemoteFiles.closedPort();
        assertThatThrownBy(() -> new SftpPullSource(new SftpSite("127.0.0.1", closed, "u", ""),
                Credentials.password("p"), null).connect()).isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("The SFTP server 127.0.0.1:" + closed
                            + " cannot be reached");
                });
        assertThatThrownBy(() -> new SftpPullSource(new SftpSite("127.0.0.1", server.port(), SftpTestServer.USER,
                "/depot/video"), Credentials.password(SftpTestServer.PASSWORD), null).connect())
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.NOT_FOUND);
                    assertThat(e.getMessage()).contains("the base path /depot/video");
                });

        RemoteFiles.write(root, "depot/audio/20260211/forbidden.mp3", "secret");
        try (PullSession session = source(SftpTestServer.PASSWORD, null).connect()) {
            assertThatThrownBy(() -> RemoteFiles.fetch(session, new RemoteFile("20260211/forbidden.mp3", 6, null), 0))
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.failure()).isEqualTo(PullFailure.PERMISSION_DENIED);
                        assertThat(e.getMessage()).isEqualTo("The SFTP account 'recorder' may not read "
                                + "/depot/audio/20260211/forbidden.mp3 on 127.0.0.1.");
                    });
            // the session survives a refused file
            assertThat(session.list("20260212")).hasSize(1);
        }
    }

    private SftpPullSource source(String password, String pinned) {
        return new SftpPullSource(new SftpSite("127.0.0.1", server.port(), SftpTestServer.USER, "/depot/audio"),
                Credentials.password(password), pinned);
    }
}
