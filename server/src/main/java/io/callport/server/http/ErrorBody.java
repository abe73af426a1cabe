package io.callport.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error response.
 *
 * @param reason a machine-readable reason when the status alone does not say it (e.g.
 *               {@code MINUTES_ALLOCATION_EXCEEDED}); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String reason) {
}
