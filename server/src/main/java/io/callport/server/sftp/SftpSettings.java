package io.callport.server.sftp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the embedded SFTP server listens and defends itself.
 *
 * @param bindAddress        address to listen on (127.0.0.1 by default)
 * @param port               port to listen on; 0 picks a free one (see {@link CallportSftpServer#port()})
 * @param hostKeyFile        the server's private host key, generated on first start and reused after
 * @param maxLoginFailures   failed logins one address may make within {@code loginFailureWindow}
 *                           before it is refused until the window passes
 * @param loginFailureWindow how far back failed logins count
 * @param idleTimeout        a session that does nothing this long is closed
 */
public record SftpSettings(String bindAddress, int port, Path hostKeyFile, int maxLoginFailures,
                           Duration loginFailureWindow, Duration idleTimeout) {
    public static final int DEFAULT_PORT = 2222;
    public static final String HOST_KEY_FILE_NAME = "ssh_host_ed25519_key";

    /** Loopback on port 2222, host key in the data folder, 10 failed logins per 15 minutes, 10 idle minutes. */
    public static SftpSettings defaults(Path dataDir) {
        return new SftpSettings("127.0.0.1", DEFAULT_PORT, dataDir.resolve(HOST_KEY_FILE_NAME), 10,
                Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    public SftpSettings withBind(String newBindAddress) {
        return new SftpSettings(newBindAddress, port, hostKeyFile, maxLoginFailures, loginFailureWindow, idleTimeout);
    }

    public SftpSettings withPort(int newPort) {
        return new SftpSettings(bindAddress, newPort, hostKeyFile, maxLoginFailures, loginFailureWindow, idleTimeout);
    }

    public SftpSettings withLoginThrottle(int failures, Duration window) {
        return new SftpSettings(bindAddress, port, hostKeyFile, failures, window, idleTimeout);
    }
}
