package io.callport.server.pull;

/** A connector could not list or fetch; the message is a sentence for the campaign's admin naming host and path. */
public final class PullException extends Exception {
    private final PullFailure failure;
    private final String offeredFingerprint;

    public PullException(PullFailure failure, String message) {
        this(failure, message, null, null);
    }

    public PullException(PullFailure failure, String message, Throwable cause) {
        this(failure, message, cause, null);
    }

    private PullException(PullFailure failure, String message, Throwable cause, String offeredFingerprint) {
        super(message, cause);
        this.failure = failure;
        this.offeredFingerprint = offeredFingerprint;
    }

    /** The server presented the host key or certificate {@code offered} in place of the one pinned. */
    static PullException hostKeyChanged(String message, String offered, Throwable cause) {
        return new PullException(PullFailure.HOST_KEY_CHANGED, message, cause, offered);
    }

    public PullFailure failure() {
        return failure;
    }

    /** For {@link PullFailure#HOST_KEY_CHANGED}: the fingerprint the server presented; null otherwise. */
    public String offeredFingerprint() {
        return offeredFingerprint;
    }
}
