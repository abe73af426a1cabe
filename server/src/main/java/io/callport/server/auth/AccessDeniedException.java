package io.callport.server.auth;

/** The key is valid but its role or scope does not allow this. Served as 403. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
