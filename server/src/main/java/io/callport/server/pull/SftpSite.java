package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;

/** An SFTP server; {@code basePath} is absolute or relative to the account's home folder, empty for the home. */
public record SftpSite(String host, int port, String username, String basePath) implements RemoteSite {
    public static final int DEFAULT_PORT = 22;

    public SftpSite {
        host = RemoteSite.requireHost(host, "SFTP");
        port = RemoteSite.requirePort(port, "SFTP");
        username = RemoteSite.requireUsername(username, "SFTP");
        basePath = RemoteSite.normalisedBasePath(basePath);
    }

    @Override
    public String describe() {
        return "sftp://" + username + "@" + host + ":" + port + (basePath.startsWith("/") ? "" : "/") + basePath;
    }

    @Override
    public void requireUsable(Credentials credentials) {
        if (credentials.password() == null && credentials.privateKey() == null) {
            throw new InvalidValueException("The SFTP connector needs a password or a private key.");
        }
    }
}
