package io.callport.server.pull;

/** The right {@link PullSource} for a site. */
public final class PullSources {
    private PullSources() {
    }

    /** @param pinnedFingerprint the SFTP host key or FTPS certificate fingerprint pinned so far, or null */
    public static PullSource of(RemoteSite site, Credentials credentials, String pinnedFingerprint) {
        return switch (site) {
            case SftpSite sftp -> new SftpPullSource(sftp, credentials, pinnedFingerprint);
            case FtpSite ftp -> new FtpPullSource(ftp, credentials, pinnedFingerprint);
            case S3Site s3 -> new S3PullSource(s3, credentials);
        };
    }
}
