package io.callport.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * The before-handler that admits a request with {@code Authorization: Bearer cp_...} and attaches its
 * {@link Principal}; every path except the public ones needs a key. Failures count against the caller's address.
 */
public final class ApiKeyAuthenticator implements Handler {
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final AuthFailureLimiter limiter;
    private final Set<String> publicPaths;

    public ApiKeyAuthenticator(ApiKeyService keys, AuthFailureLimiter limiter, Set<String> publicPaths) {
        this.keys = keys;
        this.limiter = limiter;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    public void handle(Context ctx) {
        // CORS preflights never carry credentials, and OPTIONS only describes what a path accepts (tus discovery)
        if (publicPaths.contains(ctx.path()) || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String address = ctx.ip();
        limiter.checkAllowed(address);
        try {
            keys.authenticate(secretOf(ctx.header("Authorization"))).attachTo(ctx);
        } catch (AuthenticationException e) {
            limiter.recordFailure(address);
            throw e;
        }
    }

    private static String secretOf(String header) {
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("This request needs an API key: send Authorization: Bearer cp_...");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationException("The Authorization header must be Bearer followed by the API key.");
        }
        return header.substring(BEARER.length()).strip();
    }
}
