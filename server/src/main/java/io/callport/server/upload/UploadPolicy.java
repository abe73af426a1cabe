package io.callport.server.upload;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.UploadSource;

/**
 * What a presigned upload may do, signed by the server so that the signature alone is the credential.
 *
 * @param key            where the file lands inside the campaign folder
 * @param campaignId     the campaign
 * @param organisationId its organisation
 * @param orgFolder      the organisation's folder
 * @param campaignFolder the campaign's folder
 * @param source         the upload source to record
 * @param fileName       the file's name
 * @param minSize        fewest bytes accepted
 * @param maxSize        most bytes accepted
 * @param expiresAt      epoch second after which the link no longer works
 * @param metadata       JSON object to land as the sidecar, or null
 */
record UploadPolicy(String key, String campaignId, String organisationId, String orgFolder, String campaignFolder,
                    UploadSource source, String fileName, long minSize, long maxSize, long expiresAt,
                    String metadata) {

    UploadTarget target() {
        return new UploadTarget(campaignId, organisationId, new CampaignFolder(orgFolder, campaignFolder), source);
    }
}
