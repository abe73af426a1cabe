package io.callport.server.store;

import java.time.Instant;

/**
 * One arrival of a file in a campaign folder, or an entry unpacked from a zip.
 *
 * @param uploadId       the arrival's unique id; a second report of the same arrival is ignored
 * @param location       where its content is, relative to the landing root, as it arrived (processing moves a
 *                       landed file to {@code processed/} or {@code failed/} beside it)
 * @param path           the name the uploader gave it inside the campaign folder ({@code archive.zip!/entry} for
 *                       a zip entry), as people see it
 * @param name           the last part of its path
 * @param source         how it arrived ({@link io.callport.server.landing.UploadSource} name)
 * @param archiveId      the zip it was unpacked from; null for a landed file
 * @param mappingVersion for a metadata file, the mapping version it is read with, fixed when reading starts
 * @param partsDone      for a metadata file, how many parts of {@code Limits.CSV_SPLIT_ROWS} rows are done
 * @param finishedAt     when it reached a final status; the landing area keeps it until a week after
 */
public record IngestFile(String id, String orgId, String campaignId, String batchId, String uploadId, String location,
                         String path, String name, IngestFileKind kind, long size, String sha256, String source,
                         FileStatus status, String reason, String archiveId, Integer mappingVersion, int partsDone,
                         Instant arrivedAt, Instant updatedAt, Instant finishedAt, Instant purgedAt) {

    public IngestFile withStatus(FileStatus newStatus, String newReason) {
        return new IngestFile(id, orgId, campaignId, batchId, uploadId, location, path, name, kind, size, sha256,
                source, newStatus, newReason, archiveId, mappingVersion, partsDone, arrivedAt, updatedAt, finishedAt,
                purgedAt);
    }
}
