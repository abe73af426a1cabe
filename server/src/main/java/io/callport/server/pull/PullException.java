package io.callport.server.pull;

/** A connector could not list or fetch; the message is a sentence for the campaign's admin naming host and path. */
public final class PullException extends Exception {
    private final PullFailure failure;

    public PullException(PullFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public PullException(PullFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public PullFailure failure() {
        return failure;
    }
}
