package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.testsupport.FtpTestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtpPullSourceTest {
    @TempDir
    Path root;
    @TempDir
    Path keys;

    @BeforeEach
    void layOut() {
        RemoteFiles.write(root, "depot/2026_02_11/call-1.wav", "RIFF one");
        RemoteFiles.write(root, "depot/2026_02_11/calls.csv", "file;agent\ncall-1.wav;Ann\n");
        RemoteFiles.write(root, "depot/2026_02_13/call-2.wav", "RIFF two!");
        RemoteFiles.write(root, "depot/2026_02_13/forbidden.wav", "no");
    }

    @Test
    void listsDateFoldersWithExactSizesAndTimesAndFetchesFromAnOffset() throws Exception {
        try (FtpTestServer server = new FtpTestServer(root, null);
             PullSession session = source(server.port(), false, FtpTestServer.PASSWORD, null).connect()) {
            assertThat(session.candidates(new DateFolders("yyyy_MM_dd"), LocalDate.of(2026, 2, 11),
                    LocalDate.of(2026, 2, 13))).containsExactlyInAnyOrder(
                    new RemoteFile("2026_02_11/call-1.wav", 8, RemoteFiles.WRITTEN),
                    new RemoteFile("2026_02_11/calls.csv", 26, RemoteFiles.WRITTEN),
                    new RemoteFile("2026_02_13/call-2.wav", 9, RemoteFiles.WRITTEN),
                    new RemoteFile("2026_02_13/forbidden.wav", 2, RemoteFiles.WRITTEN));
            RemoteFile call = new RemoteFile("2026_02_13/call-2.wav", 9, null);
            assertThat(RemoteFiles.fetch(session, call, 0)).isEqualTo("RIFF two!");
            assertThat(RemoteFiles.fetch(session, call, 5)).isEqualTo("two!");
            assertThat(session.serverFingerprint()).isEmpty();
        }
    }

    @Test
    void aRefusedFileLeavesTheSessionUsable() throws Exception {
        try (FtpTestServer server = new FtpTestServer(root, null);
             PullSession session = source(server.port(), false, FtpTestServer.PASSWORD, null).connect()) {
            assertThatThrownBy(() -> RemoteFiles.fetch(session, new RemoteFile("2026_02_13/forbidden.wav", 2, null),
                    0)).isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.failure()).isEqualTo(PullFailure.PERMISSION_DENIED);
                        assertThat(e.getMessage()).isEqualTo("The FTP server 127.0.0.1:" + server.port()
                                + " refused to send depot/2026_02_13/forbidden.wav (550 Permission denied.).");
                    });
            assertThat(RemoteFiles.fetch(session, new RemoteFile("2026_02_11/call-1.wav", 8, null), 0))
                    .isEqualTo("RIFF one");
        }
    }

    @Test
    void aWrongPasswordAMissingBasePathAndAClosedPortAreToldApart() throws Exception {
        try (FtpTestServer server = new FtpTestServer(root, null)) {
            assertThatThrownBy(() -> source(server.port(), false, "wrong", null).connect())
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS);
                        assertThat(e.getMessage()).startsWith("The FTP server 127.0.0.1:" + server.port()
                                + " refused the login of 'recorder' with the password given (530");
                    });
            FtpSite elsewhere = new FtpSite("127.0.0.1", server.port(), FtpTestServer.USER, "archive", false, FtpMode.PASSIVE);
            assertThatThrownBy(() -> new FtpPullSource(elsewhere, Credentials.password(FtpTestServer.PASSWORD), null)
                    .connect()).isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.failure()).isEqualTo(PullFailure.NOT_FOUND);
                        assertThat(e.getMessage()).startsWith("The base path archive on ftp://recorder@127.0.0.1:");
                    });
        }
        int closed = RemoteFiles.closedPort();
        assertThatThrownBy(() -> source(closed, false, "p", null).connect()).isInstanceOfSatisfying(
                PullException.class, e -> assertThat(e.failure()).isEqualTo(PullFailure.UNREACHABLE));
    }

    @Test
    void explicitTlsPinsTheCertificateAndRefusesAReplacedOne() throws Exception {
        String pinned;
        try (FtpTestServer server = new FtpTestServer(root, FtpTestServer.newKeystore(keys, "first"));
             PullSession session = source(server.port(), true, FtpTestServer.PASSWORD, null).connect()) {
            pinned = session.serverFingerprint().orElseThrow();
            assertThat(pinned).matches("SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(RemoteFiles.fetch(session, new RemoteFile("2026_02_11/call-1.wav", 8, null), 2))
                    .isEqualTo("FF one");
        }
        try (FtpTestServer server = new FtpTestServer(root, FtpTestServer.newKeystore(keys, "replaced"))) {
            assertThatThrownBy(() -> source(server.port(), true, FtpTestServer.PASSWORD, pinned).connect())
                    .isInstanceOfSatisfying(PullException.class, e -> {
                        assertThat(e.failure()).isEqualTo(PullFailure.HOST_KEY_CHANGED);
                        assertThat(e.getMessage()).contains("FTPS server 127.0.0.1:" + server.port(),
                                "but " + pinned + " was pinned");
                    });
        }
    }

    @Test
    void activeModeHasTheServerConnectBackForListingsAndDownloads() throws Exception {
        try (FtpTestServer server = new FtpTestServer(root, null)) {
            try (PullSession session = source(server.port(), false, FtpMode.ACTIVE).connect()) {
                assertThat(session.list("2026_02_13")).extracting(RemoteFile::path)
                        .containsExactlyInAnyOrder("2026_02_13/call-2.wav", "2026_02_13/forbidden.wav");
                assertThat(RemoteFiles.fetch(session, new RemoteFile("2026_02_13/call-2.wav", 9, null), 5))
                        .isEqualTo("two!");
            }
            assertThat(server.dataConnectionCommands()).isNotEmpty().isSubsetOf("PORT", "EPRT");
        }
    }

    @Test
    void explicitTlsWorksInActiveModeToo() throws Exception {
        try (FtpTestServer server = new FtpTestServer(root, FtpTestServer.newKeystore(keys, "active"))) {
            try (PullSession session = source(server.port(), true, FtpMode.ACTIVE).connect()) {
                assertThat(RemoteFiles.fetch(session, new RemoteFile("2026_02_11/call-1.wav", 8, null), 0))
                        .isEqualTo("RIFF one");
            }
            assertThat(server.dataConnectionCommands()).isNotEmpty().isSubsetOf("PORT", "EPRT");
        }
    }

    @Test
    void passiveModeIsTheDefault() throws Exception {
        FtpSite unspecified = new FtpSite("127.0.0.1", 21, FtpTestServer.USER, "depot", false, null);
        assertThat(unspecified.mode()).isEqualTo(FtpMode.PASSIVE);
        try (FtpTestServer server = new FtpTestServer(root, null)) {
            try (PullSession session = source(server.port(), false, unspecified.mode()).connect()) {
                assertThat(RemoteFiles.fetch(session, new RemoteFile("2026_02_11/call-1.wav", 8, null), 0))
                        .isEqualTo("RIFF one");
            }
            assertThat(server.dataConnectionCommands()).isNotEmpty().isSubsetOf("PASV", "EPSV");
        }
    }

    private FtpPullSource source(int port, boolean tls, String password, String pinned) {
        return new FtpPullSource(new FtpSite("127.0.0.1", port, FtpTestServer.USER, "depot", tls, FtpMode.PASSIVE),
                Credentials.password(password), pinned);
    }

    private FtpPullSource source(int port, boolean tls, FtpMode mode) {
        return new FtpPullSource(new FtpSite("127.0.0.1", port, FtpTestServer.USER, "depot", tls, mode),
                Credentials.password(FtpTestServer.PASSWORD), null);
    }
}
