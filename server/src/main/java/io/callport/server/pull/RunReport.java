package io.callport.server.pull;

/**
 * What one run of a connector did.
 *
 * @param listed              files found in the folders looked at
 * @param notPicked           new recordings the picking rule left out
 * @param delivered           files handed to the pipeline (including ones fetched by an earlier, interrupted run)
 * @param unchanged           files fetched again whose content was what had already been delivered
 * @param failedFiles         files that failed on their own (refused, vanished); the run itself may still succeed
 * @param bytes               bytes fetched
 * @param failure             why the run failed as a whole, or null
 * @param consecutiveFailures failed runs in a row, this one included; 0 after a success
 */
public record RunReport(int listed, int notPicked, int delivered, int unchanged, int failedFiles, long bytes,
                        PullException failure, int consecutiveFailures) {
    public boolean succeeded() {
        return failure == null;
    }
}
