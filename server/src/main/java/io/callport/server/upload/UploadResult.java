package io.callport.server.upload;

import io.callport.server.landing.LandedFile;

/**
 * What an HTTP upload answers once the file has landed.
 *
 * @param uploadId   the arrival's id (also in the pipeline's event)
 * @param campaignId the campaign it landed in
 * @param file       its path inside the campaign folder
 * @param size       bytes received, for the client to compare (the content's hash is the pipeline's, on the file)
 */
public record UploadResult(String uploadId, String campaignId, String file, long size) {

    static UploadResult of(LandedFile landed, String campaignId) {
        return new UploadResult(landed.uploadId(), campaignId, landed.relativePath(), landed.size());
    }
}
