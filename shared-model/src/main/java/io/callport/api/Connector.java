package io.callport.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callport.naming.FileNameConvention;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pull connector as the server's API shows it: where it fetches from and how, without its secrets (the API never
 * returns them), how its runs go, and how many files it remembers in each state.
 *
 * @param protocol           {@value #SFTP}, {@value #FTP}, {@value #FTPS} or {@value #S3}
 * @param ftpMode            {@value #PASSIVE} or {@value #ACTIVE} for FTP and FTPS, null for the others
 * @param defaultCredentials for S3, true when it logs in with the server's default AWS credentials rather than an
 *                           access key; null for the others
 * @param hostKeyFingerprint the SFTP host key or FTPS certificate pinned on the first connection, or null
 * @param files              files by state: NOT_PICKED, PENDING, FETCHED, DELIVERED, UNCHANGED, FAILED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connector(String id, String campaignId, String name, String protocol, String host, Integer port,
                        String username, String basePath, String ftpMode, String bucket, String prefix,
                        String region, String endpoint, Boolean defaultCredentials, String dateFolders,
                        int lookbackDays, String timeZone, String schedule, String picking,
                        FileNameConvention fileNameConvention, long quietPeriodSeconds, int parallelFetches,
                        boolean enabled, String hostKeyFingerprint, Status status, Map<String, Integer> files,
                        Instant createdAt, Instant updatedAt) {
    public static final String SFTP = "sftp";
    public static final String FTP = "ftp";
    public static final String FTPS = "ftps";
    public static final String S3 = "s3";
    /** The FTP server opens a port for each transfer and the connector connects to it; the default. */
    public static final String PASSIVE = "passive";
    /** The connector opens a port for each transfer and the FTP server connects back to it. */
    public static final String ACTIVE = "active";
    public static final String HOST_KEY_CHANGED = "HOST_KEY_CHANGED";

    public Connector {
        files = files == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(files)); // in the order given
    }

    /**
     * How the connector's runs go.
     *
     * @param state              DISABLED, NEVER_RUN, FAILING or OK
     * @param failure            why the last run failed (UNREACHABLE, BAD_CREDENTIALS, HOST_KEY_CHANGED...), or null
     * @param failureMessage     the reason as a sentence naming host and path, or null
     * @param offeredFingerprint when the last run stopped at a host key or certificate other than the one pinned: the
     *                           fingerprint the server presented, to check with the customer; null otherwise
     * @param nextRunAt          when it runs next (sooner than its schedule after a failure); null while disabled
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String state, Instant lastRunAt, Instant lastSuccessAt, String failure,
                         String failureMessage, String offeredFingerprint, int consecutiveFailures,
                         Instant nextRunAt) {
    }

    /** Whether it fetches from a host (SFTP, FTP, FTPS) rather than a bucket. */
    public boolean onHost() {
        return !S3.equals(protocol);
    }

    /** The files it fetched and handed to the pipeline. */
    public int delivered() {
        return files.getOrDefault("DELIVERED", 0);
    }

    /** Whether its last run stopped at a host key or certificate other than the one pinned. */
    public boolean hostKeyChanged() {
        return status != null && HOST_KEY_CHANGED.equals(status.failure());
    }
}
