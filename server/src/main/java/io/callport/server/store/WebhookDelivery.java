package io.callport.server.store;

import java.time.Instant;

/**
 * One event to tell one webhook, and how telling it went.
 *
 * @param status         {@code PENDING}, {@code DELIVERED} or {@code FAILED} (given up after the retries)
 * @param lastStatusCode the HTTP status the last attempt got; null when it got none (no connection)
 */
public record WebhookDelivery(String id, String webhookId, String eventType, String payload, String status,
                              int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                              Instant deliveredAt) {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
