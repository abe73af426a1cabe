package io.callport.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer to "run now": what the run did, or a null {@code run} while it is still going, and the connector after.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectorRun(Outcome run, Connector connector) {

    /** What one run did; {@code failure} and {@code failureMessage} are null when it succeeded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcome(int listed, int notPicked, int delivered, int unchanged, int failedFiles, long bytes,
                          String failure, String failureMessage) {
    }
}
