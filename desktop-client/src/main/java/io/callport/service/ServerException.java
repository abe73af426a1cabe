package io.callport.service;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error: its HTTP status, its error code ({@code unauthorized}, {@code not_found}, ...)
 * and its sentence, which is written for people and shown as it is.
 */
public final class ServerException extends IOException {
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ServerException(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long the server asked to wait before trying again (429, 503), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether sending again later may succeed: the server was busy, failing, or asked to wait. A refusal (a bad key,
     * a missing campaign, a file over the limit) stays a refusal however often it is sent.
     */
    public boolean isTransient() {
        return status >= 500 || status == 408 || status == 423 || status == 429;
    }
}
