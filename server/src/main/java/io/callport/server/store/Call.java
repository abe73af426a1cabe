package io.callport.server.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call record: its metadata, its recording and where its processing stands.
 *
 * @param batchId          the batch whose metadata (or recording, for a call without metadata) made it
 * @param agentId          the agent mapping it belongs to; null when the call names no agent
 * @param agentIdentifier  the agent as its metadata names them (an email or an id)
 * @param contactAt        when the call took place; null when its metadata gives no date
 * @param contactAtText    the contact date as written, with its original offset
 * @param recordingName    the recording's file name as its metadata names it
 * @param recordingFileId  the arrived recording; null while the call waits for it
 * @param recordingKey     where the recording is kept in permanent storage; null until stored or after deletion
 * @param media            what the recording holds; null until probed
 * @param metadataFileId   the metadata file (CSV or sidecar) of its current metadata; null for none
 * @param source           how its recording arrived (an {@link io.callport.server.landing.UploadSource} name)
 * @param version          the latest kept version; 0 until it first completes
 * @param waitingUntil     while it waits for its recording: when it stops waiting
 */
public record Call(String id, String orgId, String campaignId, String batchId, String contactReference,
                   String agentId, String agentIdentifier, Instant contactAt, String contactAtText,
                   String recordingName, String recordingFileId, String recordingKey, CallMedia media,
                   Map<String, String> metadata, String metadataFileId, String source, CallStatus status,
                   String reason, int version, Instant waitingUntil, Instant createdAt, Instant updatedAt,
                   Instant completedAt, Instant audioDeletedAt) {

    public Call {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
