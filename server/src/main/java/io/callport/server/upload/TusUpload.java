package io.callport.server.upload;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.UploadSource;
import java.time.Instant;

/**
 * A resumable upload's state as kept on disk between requests and across restarts.
 *
 * @param id             the upload id (also its partial file's id in the landing area)
 * @param campaignId     the campaign
 * @param organisationId its organisation
 * @param orgFolder      the organisation's folder
 * @param campaignFolder the campaign's folder
 * @param source         the upload source to record
 * @param fileName       the file's name
 * @param length         the declared Upload-Length
 * @param offset         bytes received and made durable
 * @param uploadMetadata the Upload-Metadata header as sent, echoed on HEAD
 * @param sidecar        JSON metadata to land beside the file, or null
 * @param expiresAt      epoch second when the upload expires (moved on by each PATCH)
 * @param landedPath     the file's path in its campaign folder once complete, else null
 */
record TusUpload(String id, String campaignId, String organisationId, String orgFolder, String campaignFolder,
                 UploadSource source, String fileName, long length, long offset, String uploadMetadata,
                 String sidecar, long expiresAt, String landedPath) {

    UploadTarget target() {
        return new UploadTarget(campaignId, organisationId, new CampaignFolder(orgFolder, campaignFolder), source);
    }

    boolean completed() {
        return landedPath != null;
    }

    boolean expired(Instant now) {
        return now.isAfter(Instant.ofEpochSecond(expiresAt));
    }

    TusUpload withOffset(long newOffset, Instant newExpiry) {
        return new TusUpload(id, campaignId, organisationId, orgFolder, campaignFolder, source, fileName, length,
                newOffset, uploadMetadata, sidecar, newExpiry.getEpochSecond(), landedPath);
    }

    TusUpload landedAt(String path) {
        return new TusUpload(id, campaignId, organisationId, orgFolder, campaignFolder, source, fileName, length,
                offset, uploadMetadata, sidecar, expiresAt, path);
    }
}
