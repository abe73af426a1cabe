package io.callport.server.store;

import io.callport.server.auth.Role;
import java.time.Instant;

/**
 * A stored API key: never the secret, only its SHA-256 (kept by the repository) and a prefix people recognise.
 *
 * @param campaignId the one campaign the key may touch, or null when it acts for the whole organisation
 */
public record ApiKeyRecord(String id, String orgId, String campaignId, String name, Role role, String prefix,
                           Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean isOrganisationWide() {
        return campaignId == null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
