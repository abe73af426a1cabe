package io.callport.server.auth;

/** Too many failed authentications from one address; it may try again after {@link #retryAfterSeconds()}. */
public class TooManyFailuresException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyFailuresException(long retryAfterSeconds) {
        super("Too many failed authentications from this address; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
