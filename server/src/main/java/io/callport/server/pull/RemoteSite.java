package io.callport.server.pull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.callport.server.store.InvalidValueException;

/** Where a connector fetches from: an SFTP or FTP(S) server and a base path, or an S3 bucket and prefix. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SftpSite.class, name = "sftp"),
        @JsonSubTypes.Type(value = FtpSite.class, name = "ftp"),
        @JsonSubTypes.Type(value = S3Site.class, name = "s3")})
public sealed interface RemoteSite permits SftpSite, FtpSite, S3Site {
    /** For messages: {@code sftp://user@host:22/base}, never a secret. */
    String describe();

    /** Throws when the credentials cannot log in to this kind of site, saying what is missing. */
    void requireUsable(Credentials credentials);

    /** One spelling per base path: trimmed, no trailing slash (but "/" stays), empty for the login folder. */
    static String normalisedBasePath(String basePath) {
        if (basePath == null || basePath.isBlank()) {
            return "";
        }
        String path = basePath.strip();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static String requireHost(String host, String protocol) {
        if (host == null || host.isBlank() || host.strip().contains(" ") || host.contains("/")) {
            throw new InvalidValueException("The " + protocol + " host '" + host + "' must be a host name or an IP "
                    + "address, e.g. sftp.example.com.");
        }
        return host.strip();
    }

    static int requirePort(int port, String protocol) {
        if (port < 1 || port > 65535) {
            throw new InvalidValueException("The " + protocol + " port must be between 1 and 65535, not " + port
                    + ".");
        }
        return port;
    }

    static String requireUsername(String username, String protocol) {
        if (username == null || username.isBlank()) {
            throw new InvalidValueException("The " + protocol + " connector needs a username.");
        }
        return username.strip();
    }
}
