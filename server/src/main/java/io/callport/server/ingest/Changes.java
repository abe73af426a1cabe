package io.callport.server.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pipeline transaction did besides writing rows: status changes to announce and work on files to do once
 * the rows are committed (moving a processed file, writing a report). Nothing here happens if the transaction
 * rolls back; if the process dies after the commit, the file work is redone or tolerated by whoever comes next.
 */
final class Changes {
    private final List<PipelineEvent> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean queuedWork;

    void event(PipelineEvent event) {
        events.add(event);
    }

    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Notes that work was queued, so idle workers of this process wake at once. */
    void queuedWork() {
        queuedWork = true;
    }

    List<PipelineEvent> events() {
        return events;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    boolean hasQueuedWork() {
        return queuedWork;
    }
}
