package io.callport.server.store;

/** A value the caller gave breaks a rule; the message names the value and the rule. Served as 400. */
public class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
        super(message);
    }
}
