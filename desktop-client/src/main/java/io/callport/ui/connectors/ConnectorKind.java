package io.callport.ui.connectors;

import java.util.Arrays;

/** Where a pull connector fetches from, as the form offers it, with the API's protocol name for each. */
public enum ConnectorKind {
    SFTP("sftp", 22), FTP("ftp", 21), FTPS("ftps", 21), S3("s3", 0);

    private final String protocol;
    private final int defaultPort;

    ConnectorKind(String protocol, int defaultPort) {
        this.protocol = protocol;
        this.defaultPort = defaultPort;
    }

    /** The kind the API's protocol names; SFTP for one this Uploader does not know. */
    public static ConnectorKind of(String protocol) {
        return Arrays.stream(values()).filter(kind -> kind.protocol.equals(protocol)).findFirst().orElse(SFTP);
    }

    public String protocol() {
        return protocol;
    }

    /** The port used when none is given; 0 for S3, which has none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether it logs in to a host (SFTP, FTP, FTPS) rather than reading a bucket. */
    public boolean onHost() {
        return this != S3;
    }
}
