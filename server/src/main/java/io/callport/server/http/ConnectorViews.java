package io.callport.server.http;

import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.api.ConnectorRun;
import io.callport.server.pull.ConnectorSettings;
import io.callport.server.pull.ConnectorStatus;
import io.callport.server.pull.LedgerEntry;
import io.callport.server.pull.PullConnector;
import io.callport.server.pull.PullFailure;
import io.callport.server.pull.PullState;
import io.callport.server.pull.RunReport;
import io.callport.server.pull.S3Site;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pull connector, its runs and its files as the API shows them (the records the Uploader reads too): the fields a
 * request sets, minus the secrets (there is no field for them), plus how its runs go.
 */
final class ConnectorViews {
    private ConnectorViews() {
    }

    /** @param files how many files the connector remembers in each state */
    static Connector of(PullConnector connector, Map<PullState, Integer> files) {
        ConnectorSettings settings = connector.settings();
        SiteFields site = SiteFields.of(settings.site());
        Map<String, Integer> byState = new LinkedHashMap<>();
        files.forEach((state, count) -> byState.put(state.name(), count));
        return new Connector(connector.id(), connector.campaignId(), settings.name(), site.protocol(),
                site.host(), site.port(), site.username(), site.basePath(), site.ftpMode(), site.bucket(),
                site.prefix(), site.region(), site.endpoint(),
                settings.site() instanceof S3Site ? connector.defaultCredentials() : null,
                settings.dateFolders().pattern(), settings.lookbackDays(), settings.zone().getId(),
                settings.schedule().text(), settings.picking().text(), settings.convention(),
                settings.quietPeriod().toSeconds(), settings.parallelFetches(), connector.enabled(),
                connector.pinnedFingerprint(), status(connector), byState, connector.createdAt(),
                connector.updatedAt());
    }

    /** {@code DISABLED}, {@code NEVER_RUN}, {@code FAILING} (the last run failed) or {@code OK}, and why. */
    private static Connector.Status status(PullConnector connector) {
        ConnectorStatus s = connector.status();
        String state = !connector.enabled() ? "DISABLED" : s.lastRunAt() == null ? "NEVER_RUN"
                : s.failing() ? "FAILING" : "OK";
        return new Connector.Status(state, s.lastRunAt(), s.lastSuccessAt(), name(s.failure()), s.failureMessage(),
                s.offeredFingerprint(), s.consecutiveFailures(), connector.enabled() ? s.nextRunAt() : null);
    }

    /** What one run did; {@code failure} and {@code failureMessage} are null when it succeeded. */
    static ConnectorRun.Outcome outcome(RunReport report) {
        return new ConnectorRun.Outcome(report.listed(), report.notPicked(), report.delivered(), report.unchanged(),
                report.failedFiles(), report.bytes(), report.succeeded() ? null : name(report.failure().failure()),
                report.succeeded() ? null : report.failure().getMessage());
    }

    /** One file the connector has seen: what it fetched, what it left out, what failed and why. */
    static ConnectorFile file(LedgerEntry e) {
        return new ConnectorFile(e.path(), e.size(), e.modifiedAt(), e.sha256(), e.state().name(), e.attempts(),
                e.fetchedBytes(), e.lastError(), e.firstSeenAt(), e.updatedAt());
    }

    private static String name(PullFailure failure) {
        return failure == null ? null : failure.name();
    }
}
