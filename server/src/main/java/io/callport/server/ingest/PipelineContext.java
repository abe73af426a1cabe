package io.callport.server.ingest;

import io.callport.server.store.Database;
import io.callport.server.store.PipelineStore;
import io.callport.server.store.Store;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/** What the pipeline's stages share in one server process. */
record PipelineContext(Database database, Store store, PipelineStore pipeline, Clock clock, PipelineSettings settings,
                       LandedFiles landed, RecordingStore recordings, PipelineEvents events, WorkSignal signal,
                       AnalysisStep analysis) {

    static final java.time.Duration REFRESH_DELAY = java.time.Duration.ofSeconds(1);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, Changes changes) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, which also queues the webhook deliveries its status changes call for;
     * once it commits, does its file work, announces its status changes and wakes this process's workers if it
     * queued work.
     */
    <T> T transaction(Work<T> work) {
        Changes changes = new Changes();
        T result = database.transaction(c -> {
            T done = work.run(c, changes);
            WebhookNotices.record(this, c, changes);
            return done;
        });
        changes.afterCommitActions().forEach(Runnable::run);
        events.publish(changes.events());
        if (changes.hasQueuedWork()) {
            signal.wake();
        }
        return result;
    }

    /**
     * Runs {@code work} in a transaction that first holds the whole claim (renewing its lease); when the claim was
     * lost, nothing is done and {@link io.callport.server.store.LeaseLostException} is thrown.
     */
    <T> T holding(Claim claim, Work<T> work) {
        return transaction(holdingFirst(claim, work));
    }

    /**
     * Like {@link #holding}, with the batch's row locked first. The intake locks a batch and then queues work for it;
     * work on the batch that locked its claim first and the batch second deadlocked with it on PostgreSQL, again
     * and again while a 100,000-file batch arrived, until the batch failed.
     */
    <T> T holdingBatch(String batchId, Claim claim, Work<T> work) {
        Work<T> held = holdingFirst(claim, work);
        return transaction((c, changes) -> {
            pipeline.batches().lock(c, batchId);
            return held.run(c, changes);
        });
    }

    private <T> Work<T> holdingFirst(Claim claim, Work<T> work) {
        return (c, changes) -> {
            pipeline.work().holdAll(c, claim, settings.lease());
            return work.run(c, changes);
        };
    }

    /** Like {@link #holding}, and the claim's items are done when the transaction commits. */
    void finishing(Claim claim, Work<?> work) {
        holding(claim, (c, changes) -> {
            work.run(c, changes);
            pipeline.work().complete(c, claim);
            return null;
        });
    }

    /** Gives the claim's items back, to run again at {@code runAfter}: they wait for something else first. */
    void postpone(Claim claim, Instant runAfter) {
        holding(claim, (c, changes) -> {
            pipeline.work().postpone(c, claim, runAfter);
            return null;
        });
    }

    /**
     * Queues a refresh of the batch's status shortly: every change asks for one, and the changes of the next second
     * share it, so a batch of a hundred thousand calls is not counted again after each.
     */
    void refreshSoon(Connection connection, Changes changes, String batchId) throws SQLException {
        pipeline.work().enqueue(connection, WorkKind.REFRESH_BATCH, batchId, now().plus(REFRESH_DELAY));
        changes.queuedWork();
    }

    /**
     * A metadata file, CRM file or zip of the batch was read: the batch's status is refreshed soon, and its
     * settling, which waits for them, goes on now rather than when it next looks.
     */
    void readingDone(Connection connection, Changes changes, String batchId) throws SQLException {
        refreshSoon(connection, changes, batchId);
        pipeline.work().hurry(connection, WorkKind.SETTLE_BATCH, batchId, now());
    }

    /** Queues work to run now (or as soon as a worker is free) and notes it in {@code changes}. */
    void enqueueNow(Connection connection, Changes changes, WorkKind kind, String subjectId) throws SQLException {
        pipeline.work().enqueue(connection, kind, subjectId, now());
        changes.queuedWork();
    }

    PipelineEvent fileEvent(IngestFile file, FileStatus status, String reason) {
        return new PipelineEvent(PipelineEvent.FILE, file.id(), file.orgId(), file.campaignId(), file.batchId(),
                status.name(), reason, now());
    }

    PipelineEvent callEvent(Call call, String reason) {
        return callEvent(call, call.status(), reason);
    }

    PipelineEvent callEvent(Call call, CallStatus status, String reason) {
        return new PipelineEvent(PipelineEvent.CALL, call.id(), call.orgId(), call.campaignId(), call.batchId(),
                status.name(), reason, now());
    }

    void enqueueNowAll(Connection connection, Changes changes, WorkKind kind, java.util.List<String> subjectIds)
            throws SQLException {
        if (!subjectIds.isEmpty()) {
            pipeline.work().enqueueAll(connection, kind, subjectIds, now());
            changes.queuedWork();
        }
    }

    Instant now() {
        return clock.instant();
    }
}
