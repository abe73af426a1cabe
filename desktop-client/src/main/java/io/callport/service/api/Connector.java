package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callport.naming.FileNameConvention;
import java.time.Instant;
import java.util.Map;

/**
 * A pull connector as the server shows it: where it fetches from and how, without its secrets (the API never returns
 * them), how its runs go, and how many files it remembers in each state.
 *
 * @param protocol           {@code sftp}, {@code ftp}, {@code ftps} or {@code s3}
 * @param hostKeyFingerprint the SFTP host key or FTPS certificate pinned on the first connection, or null
 * @param files              files by state: NOT_PICKED, PENDING, FETCHED, DELIVERED, UNCHANGED, FAILED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connector(String id, String campaignId, String name, String protocol, String host, Integer port,
                        String username, String basePath, String bucket, String prefix, String region,
                        String endpoint, String dateFolders, int lookbackDays, String timeZone, String schedule,
                        String picking, FileNameConvention fileNameConvention, long quietPeriodSeconds,
                        int parallelFetches, boolean enabled, String hostKeyFingerprint, Status status,
                        Map<String, Integer> files, Instant createdAt, Instant updatedAt) {
    public static final String HOST_KEY_CHANGED = "HOST_KEY_CHANGED";

    public Connector {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /**
     * How the connector's runs go.
     *
     * @param state   DISABLED, NEVER_RUN, FAILING or OK
     * @param failure why the last run failed (UNREACHABLE, BAD_CREDENTIALS, HOST_KEY_CHANGED...), or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String state, Instant lastRunAt, Instant lastSuccessAt, String failure,
                         String failureMessage, int consecutiveFailures, Instant nextRunAt) {
    }

    /** Whether it fetches from a host (SFTP, FTP, FTPS) rather than a bucket. */
    public boolean onHost() {
        return !"s3".equals(protocol);
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
