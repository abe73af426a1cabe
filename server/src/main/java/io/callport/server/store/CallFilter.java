package io.callport.server.store;

import java.time.Instant;
import java.util.List;

/**
 * Which calls a listing shows; a null criterion does not filter.
 *
 * @param campaignIds only these campaigns (a campaign key's own); null for every campaign
 * @param from        calls that took place at or after
 * @param to          calls that took place before
 */
public record CallFilter(List<String> campaignIds, CallStatus status, String source, String agentId, Instant from,
                         Instant to) {
}
