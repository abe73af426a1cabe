package io.callport.server.store;

import java.time.Instant;

/**
 * An agent and the identifiers call metadata may name them by ("third-party user mapping"): an external id from
 * the recorder or CRM, an email, or both. At least one is set.
 */
public record Agent(String id, String orgId, String externalId, String email, String name, String team,
                    Instant createdAt, Instant updatedAt) {
}
