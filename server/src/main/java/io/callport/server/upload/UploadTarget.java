package io.callport.server.upload;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.UploadSource;

/**
 * The campaign an HTTP upload goes to, as the caller's credentials allow.
 *
 * @param campaignId     the campaign's id in the API
 * @param organisationId the organisation that owns it (for its monthly minutes)
 * @param folder         where its files land
 * @param source         the upload source to record (API for API keys)
 */
public record UploadTarget(String campaignId, String organisationId, CampaignFolder folder, UploadSource source) {
}
