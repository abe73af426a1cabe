package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;

/**
 * An FTP server, plain or with explicit TLS ({@code AUTH TLS}, "FTPES").
 *
 * @param tls  true for explicit FTPS: the control and data connections are encrypted
 * @param mode who opens the data connections; passive when not given (and in settings stored before it existed)
 */
public record FtpSite(String host, int port, String username, String basePath, boolean tls, FtpMode mode)
        implements RemoteSite {
    public static final int DEFAULT_PORT = 21;

    public FtpSite {
        mode = mode == null ? FtpMode.PASSIVE : mode;
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
