package io.callport.server.store;

import java.time.Instant;

/**
 * Files that arrived in one campaign folder within its batch window.
 *
 * @param open           whether files may still join it (its window has not closed)
 * @param windowClosesAt when it stops taking files unless another arrives first (the window slides with each arrival)
 * @param reason         what its status means in this case, as a sentence; null while it runs
 * @param cancelledAt    when someone cancelled it; null when nobody did
 */
public record IngestBatch(String id, String orgId, String campaignId, BatchStatus status, boolean open,
                          Instant windowClosesAt, String reason, Instant createdAt, Instant updatedAt,
                          Instant finishedAt, Instant cancelledAt) {
}
