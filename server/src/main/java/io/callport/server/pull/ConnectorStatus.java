package io.callport.server.pull;

import java.time.Instant;

/**
 * How a connector's runs went, for the campaign page.
 *
 * @param failure             why the last run failed, or null when it succeeded (or none ran yet)
 * @param failureMessage      the sentence explaining it, naming host and path
 * @param offeredFingerprint  after {@link PullFailure#HOST_KEY_CHANGED}, the fingerprint the server presented in place
 *                            of the pinned one; null otherwise
 * @param consecutiveFailures failed runs in a row; the retry delay doubles with each
 * @param nextRunAt           when the scheduler runs it next, or null before it is scheduled
 */
public record ConnectorStatus(Instant lastRunAt, Instant lastSuccessAt, PullFailure failure, String failureMessage,
                              String offeredFingerprint, int consecutiveFailures, Instant nextRunAt) {
    public static final ConnectorStatus NEVER_RUN = new ConnectorStatus(null, null, null, null, null, 0, null);

    public boolean failing() {
        return failure != null;
    }
}
