package io.callport.server.pull;

/** A customer's server or bucket that a connector fetches from; each {@link #connect()} opens one connection. */
public interface PullSource {
    /**
     * Connects, logs in and checks the base path. Fails with {@link PullFailure#UNREACHABLE},
     * {@link PullFailure#BAD_CREDENTIALS}, {@link PullFailure#HOST_KEY_CHANGED}, {@link PullFailure#NOT_FOUND} or
     * {@link PullFailure#PERMISSION_DENIED} and a message naming the server.
     */
    PullSession connect() throws PullException;
}
