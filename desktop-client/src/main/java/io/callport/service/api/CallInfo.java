package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A call the server made from a recording and its metadata.
 *
 * @param status  PENDING, PROCESSING, TRANSCRIBING, ANALYZING, COMPLETED or FAILED
 * @param version how many times it was processed (reprocessing adds one)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallInfo(String id, String campaignId, String batchId, String contactReference, String agentIdentifier,
                       Instant contactAt, String contactAtText, String recordingName, String source, String status,
                       String reason, int version, Instant createdAt, Instant updatedAt, Instant completedAt) {

    public CallInfo withStatus(String newStatus, String newReason) {
        return new CallInfo(id, campaignId, batchId, contactReference, agentIdentifier, contactAt, contactAtText,
                recordingName, source, newStatus, newReason, version, createdAt, updatedAt, completedAt);
    }
}
