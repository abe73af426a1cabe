package io.callport.server.store;

import java.time.Instant;

/**
 * An address told when a batch or a call finishes or fails.
 *
 * @param campaignId only this campaign's events; null for every campaign of the organisation
 * @param secret     signs each delivery (HMAC-SHA256); shown once, when the webhook is made, and kept encrypted;
 *                   null when read for anything but signing
 */
public record Webhook(String id, String orgId, String campaignId, String url, String secret, Instant createdAt) {
}
