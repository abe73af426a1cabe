package io.callport.server.store;

import java.time.Instant;

/**
 * A stream of calls with its own SFTP folder, mapping and retention.
 *
 * @param picking which of each batch's calls it takes in
 */
public record Campaign(String id, String orgId, String name, String folder, boolean csvRequired,
                       int batchWindowSeconds, Retention retention, PickingRule picking, Instant createdAt,
                       Instant updatedAt) {
}
