package io.callport.server.store;

/** A row would repeat a value that must be unique (a campaign folder, an email, a key fingerprint). */
public class DuplicateException extends RuntimeException {
    public DuplicateException(String message) {
        super(message);
    }
}
