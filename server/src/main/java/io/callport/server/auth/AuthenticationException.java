package io.callport.server.auth;

/** The request carries no usable API key. Served as 401. */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
