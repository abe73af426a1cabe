package io.callport.server.store;

import java.time.Instant;

/** A stream of calls with its own SFTP folder, mapping and retention. */
public record Campaign(String id, String orgId, String name, String folder, boolean csvRequired,
                       int batchWindowSeconds, Retention retention, Instant createdAt, Instant updatedAt) {
}
