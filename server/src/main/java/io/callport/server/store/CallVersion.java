package io.callport.server.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One kept version of a call: what it was after its first ingestion, a metadata update or a reprocessing. */
public record CallVersion(String callId, int version, VersionCause cause, String agentId, String agentIdentifier,
                          Instant contactAt, String contactAtText, String recordingKey, CallMedia media,
                          Map<String, String> metadata, String metadataFileId, Instant createdAt) {

    public CallVersion {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
