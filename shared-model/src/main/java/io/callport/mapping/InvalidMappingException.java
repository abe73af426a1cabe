package io.callport.mapping;

/** A mapping document that cannot be read: bad JSON, an unknown key, or a value its rules refuse. */
public final class InvalidMappingException extends Exception {
    public InvalidMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
