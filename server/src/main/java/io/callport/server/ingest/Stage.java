package io.callport.server.ingest;

import io.callport.server.store.Claim;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;

/**
 * One step of the pipeline: it does the work items of one kind. A stage keeps all its state in the database and
 * may be run again on the same item after a crash, so each run starts from what is recorded and skips what is
 * done. Every transaction it runs on claimed work holds the claim first, and the last one completes the items.
 */
interface Stage {
    WorkKind kind();

    /** How many items one claim takes. */
    default int claimSize() {
        return 1;
    }

    /** Does the claimed work; an exception makes the runner try again later. */
    void run(Claim claim) throws Exception;

    /**
     * The item failed too often: record its subject as failed with the reason, so no work is lost silently. Runs
     * in the transaction that then removes the item.
     */
    void giveUp(java.sql.Connection connection, Changes changes, WorkItem item, String reason)
            throws java.sql.SQLException;
}
