package io.callport.server.store;

/**
 * A worker's claim ran out and another worker may have taken the work: whatever the transaction did is rolled
 * back, so the work is done once, by the other worker.
 */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String message) {
        super(message);
    }
}
