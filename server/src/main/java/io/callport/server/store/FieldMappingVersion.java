package io.callport.server.store;

import java.time.Instant;

/** One saved version of a campaign's field mapping, as the JSON the client sent (already validated). */
public record FieldMappingVersion(String campaignId, int version, String mappingJson, Instant createdAt) {
}
