package io.callport.server.pull;

import io.callport.server.landing.CampaignFolder;
import java.time.Instant;

/**
 * A configured connector as the API may show it: settings and status, never its credentials (those are read only
 * by the runner, through {@link PullConnectorRepository}).
 *
 * @param campaignFolder    the campaign's folder, where fetched files are handed to the pipeline
 * @param pinnedFingerprint  the SFTP host key or FTPS certificate fingerprint pinned on first connection, or null
 * @param defaultCredentials true when its credentials hold no secret: an S3 connector on the server's default AWS
 *                           credentials
 */
public record PullConnector(String id, String orgId, String campaignId, CampaignFolder campaignFolder,
                            ConnectorSettings settings, String pinnedFingerprint, boolean defaultCredentials,
                            boolean enabled,
                            ConnectorStatus status, Instant createdAt, Instant updatedAt) {
}
