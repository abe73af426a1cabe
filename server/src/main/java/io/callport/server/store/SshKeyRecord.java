package io.callport.server.store;

import java.time.Instant;

/**
 * A registered SSH key and the SFTP account it opens.
 *
 * @param campaignId the campaign whose folder is the account's root, or null for the organisation's root (one
 *                   folder per campaign)
 */
public record SshKeyRecord(String id, String orgId, String campaignId, String sftpUsername, SshKeyMaterial key,
                           Instant createdAt) {

    public boolean isOrganisationWide() {
        return campaignId == null;
    }
}
