package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A mapping saved to a campaign, as the server numbered it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingVersion(String campaignId, int version, Instant createdAt) {
}
