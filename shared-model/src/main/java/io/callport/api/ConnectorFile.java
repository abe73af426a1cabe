package io.callport.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A file a pull connector has seen on the customer's side.
 *
 * @param path      below the connector's base path, {@code /} separated
 * @param state     NOT_PICKED, PENDING, FETCHED, DELIVERED, UNCHANGED or FAILED
 * @param lastError why the last attempt failed, in a sentence, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectorFile(String path, long size, Instant modifiedAt, String sha256, String state, int attempts,
                            long fetchedBytes, String lastError, Instant firstSeenAt, Instant updatedAt) {
}
