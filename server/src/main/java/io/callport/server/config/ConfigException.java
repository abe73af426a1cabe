package io.callport.server.config;

/** A setting the operator gave cannot be used; the message says which one and why. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
