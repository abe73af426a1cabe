package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A file of a batch as the server took it in.
 *
 * @param kind   RECORDING, METADATA, SIDECAR, ARCHIVE, CRM or OTHER
 * @param source SFTP, API, BULK or UI
 * @param status DETECTED, MATCHED, PROCESSING, COMPLETED, FAILED, DUPLICATE or SKIPPED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileInfo(String id, String batchId, String path, String name, String kind, long size, String sha256,
                       String source, String status, String reason, Instant arrivedAt, Instant finishedAt) {

    public FileInfo withStatus(String newStatus, String newReason) {
        return new FileInfo(id, batchId, path, name, kind, size, sha256, source, newStatus, newReason, arrivedAt,
                finishedAt);
    }
}
