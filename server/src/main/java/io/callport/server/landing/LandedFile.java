package io.callport.server.landing;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file that has completely arrived in a campaign folder under its final name. Its content is not hashed on the way
 * in: whoever needs the hash reads the file once it is in place, off the transfer's path (see decisions.md).
 *
 * @param uploadId     unique id of this arrival (the HTTP upload id, or the SFTP write's id)
 * @param campaign     the campaign folder it landed in
 * @param relativePath its path inside the campaign folder, '/'-separated (e.g. {@code 2026-11-02/call.wav})
 * @param file         its absolute path on the server's disk
 * @param size         its length in bytes
 * @param source       how it arrived
 * @param arrivedAt    when it became visible under its final name
 */
public record LandedFile(String uploadId, CampaignFolder campaign, String relativePath, Path file, long size,
                         UploadSource source, Instant arrivedAt) {
}
