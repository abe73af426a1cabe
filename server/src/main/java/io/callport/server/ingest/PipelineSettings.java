package io.callport.server.ingest;

import java.time.Duration;

/**
 * How the pipeline runs in one server process.
 *
 * @param workers          threads doing pipeline work
 * @param lease            how long claimed work stays with this process without being renewed; after a crash,
 *                         its work waits this long before another process (or the restarted one) takes it
 * @param pollEvery        how often an idle worker looks for work other processes queued
 * @param scanEvery        how often the campaign folders are scanned for files no upload reported and the folder
 *                         watch missed (landed while the server was stopped or crashed)
 * @param scanQuietFor     how long a file must be unchanged before the scan or the folder watch takes it, so a copy
 *                         still being written is not taken half done
 * @param housekeepingEvery how often waiting work is expired and retention applied
 */
public record PipelineSettings(int workers, Duration lease, Duration pollEvery, Duration scanEvery,
                               Duration scanQuietFor, Duration housekeepingEvery) {

    public PipelineSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("The pipeline needs at least one worker, not " + workers + ".");
        }
    }

    public static PipelineSettings defaults() {
        // one more worker than cores: a worker waiting on the disk (a commit, a file) leaves its core to another
        return new PipelineSettings(Runtime.getRuntime().availableProcessors() + 1, Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    public PipelineSettings withWorkers(int newWorkers) {
        return new PipelineSettings(newWorkers, lease, pollEvery, scanEvery, scanQuietFor, housekeepingEvery);
    }

    public PipelineSettings withLease(Duration newLease) {
        return new PipelineSettings(workers, newLease, pollEvery, scanEvery, scanQuietFor, housekeepingEvery);
    }

    public PipelineSettings withScan(Duration every, Duration quietFor) {
        return new PipelineSettings(workers, lease, pollEvery, every, quietFor, housekeepingEvery);
    }

    public PipelineSettings withPolling(Duration every) {
        return new PipelineSettings(workers, lease, every, scanEvery, scanQuietFor, housekeepingEvery);
    }
}
