package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;

/**
 * An FTP server, plain or with explicit TLS ({@code AUTH TLS}, "FTPES"), always in passive mode.
 *
 * @param tls true for explicit FTPS: the control and data connections are encrypted
 */
public record FtpSite(String host, int port, String username, String basePath, boolean tls) implements RemoteSite {
    public static final int DEFAULT_PORT = 21;

    public FtpSite {
        host = RemoteSite.requireHost(host, "FTP");
        port = RemoteSite.requirePort(port, "FTP");
        username = RemoteSite.requireUsername(username, "FTP");
        basePath = RemoteSite.normalisedBasePath(basePath);
    }

    @Override
    public String describe() {
        return (tls ? "ftpes://" : "ftp://") + username + "@" + host + ":" + port
                + (basePath.startsWith("/") ? "" : "/") + basePath;
    }

    @Override
    public void requireUsable(Credentials credentials) {
        if (credentials.password() == null) {
            throw new InvalidValueException("The FTP connector needs a password.");
        }
    }
}
