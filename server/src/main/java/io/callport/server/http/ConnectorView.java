package io.callport.server.http;

import io.callport.naming.FileNameConvention;
import io.callport.server.pull.ConnectorSettings;
import io.callport.server.pull.ConnectorStatus;
import io.callport.server.pull.LedgerEntry;
import io.callport.server.pull.PullConnector;
import io.callport.server.pull.PullFailure;
import io.callport.server.pull.PullState;
import io.callport.server.pull.RunReport;
import java.time.Instant;
import java.util.Map;

/**
 * A pull connector as the API shows it: the fields a request sets, minus the secrets (there is no field for them),
 * plus how its runs go and how many files it has in each state.
 *
 * @param hostKeyFingerprint the SFTP host key or FTPS certificate fingerprint pinned on the first connection
 * @param files              how many files the connector remembers in each state
 */
public record ConnectorView(String id, String campaignId, String name, String protocol, String host, Integer port,
                            String username, String basePath, String bucket, String prefix, String region,
                            String endpoint, String dateFolders, int lookbackDays, String timeZone, String schedule,
                            String picking, FileNameConvention fileNameConvention, long quietPeriodSeconds,
                            int parallelFetches, boolean enabled, String hostKeyFingerprint, Status status,
                            Map<PullState, Integer> files, Instant createdAt, Instant updatedAt) {

    /**
     * How the connector's runs go.
     *
     * @param state     {@code DISABLED}, {@code NEVER_RUN}, {@code FAILING} (the last run failed) or {@code OK}
     * @param failure   why the last run failed, e.g. {@code BAD_CREDENTIALS}, or null
     * @param nextRunAt when it runs next (sooner than its schedule after a failure); null while disabled
     */
    public record Status(String state, Instant lastRunAt, Instant lastSuccessAt, PullFailure failure,
                         String failureMessage, int consecutiveFailures, Instant nextRunAt) {
        static Status of(PullConnector connector) {
            ConnectorStatus s = connector.status();
            String state = !connector.enabled() ? "DISABLED" : s.lastRunAt() == null ? "NEVER_RUN"
                    : s.failing() ? "FAILING" : "OK";
            return new Status(state, s.lastRunAt(), s.lastSuccessAt(), s.failure(), s.failureMessage(),
                    s.consecutiveFailures(), connector.enabled() ? s.nextRunAt() : null);
        }
    }

    /** What one run did; {@code failure} and {@code failureMessage} are null when it succeeded. */
    public record Run(int listed, int notPicked, int delivered, int unchanged, int failedFiles, long bytes,
                      PullFailure failure, String failureMessage) {
        static Run of(RunReport report) {
            return new Run(report.listed(), report.notPicked(), report.delivered(), report.unchanged(),
                    report.failedFiles(), report.bytes(), report.succeeded() ? null : report.failure().failure(),
                    report.succeeded() ? null : report.failure().getMessage());
        }
    }

    /** One file the connector has seen: what it fetched, what it left out, what failed and why. */
    public record File(String path, long size, Instant modifiedAt, String sha256, PullState state, int attempts,
                       long fetchedBytes, String lastError, Instant firstSeenAt, Instant updatedAt) {
        static File of(LedgerEntry e) {
            return new File(e.path(), e.size(), e.modifiedAt(), e.sha256(), e.state(), e.attempts(),
                    e.fetchedBytes(), e.lastError(), e.firstSeenAt(), e.updatedAt());
        }
    }

    static ConnectorView of(PullConnector connector, Map<PullState, Integer> files) {
        ConnectorSettings settings = connector.settings();
        SiteFields site = SiteFields.of(settings.site());
        return new ConnectorView(connector.id(), connector.campaignId(), settings.name(), site.protocol(),
                site.host(), site.port(), site.username(), site.basePath(), site.bucket(), site.prefix(),
                site.region(), site.endpoint(), settings.dateFolders().pattern(), settings.lookbackDays(),
                settings.zone().getId(), settings.schedule().text(), settings.picking().text(), settings.convention(),
                settings.quietPeriod().toSeconds(), settings.parallelFetches(), connector.enabled(),
                connector.pinnedFingerprint(), Status.of(connector), files, connector.createdAt(),
                connector.updatedAt());
    }
}
