package io.callport.server.http;

import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status, a stable machine-readable code and a sentence for people.
 * {@link ErrorMapping} turns it into {@code {"error": code, "message": message}}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    /**
     * The 404 for something that does not exist, belongs to another organisation or lies outside the key's
     * campaign: all three read the same, so ids cannot be probed.
     */
    public static ApiException unreachable(String what, String id) {
        return notFound("There is no " + what + " '" + id + "' that this key can reach.");
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, "payload_too_large", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
