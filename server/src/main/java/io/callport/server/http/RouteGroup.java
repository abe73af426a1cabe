package io.callport.server.http;

import io.javalin.config.RoutesConfig;
import java.util.Optional;

/**
 * The routes of one resource, added to the server's HTTP API when it is built. Routes under {@code /api/v1} sit
 * behind the API key check; {@link io.callport.server.auth.Principal#of} gives the caller.
 */
public interface RouteGroup {
    void addTo(RoutesConfig routes);

    /**
     * A classpath resource with this group's part of the OpenAPI document: a JSON object with {@code paths} and
     * optionally {@code components}. Every registered route must be described there; a test checks it.
     */
    default Optional<String> openApiResource() {
        return Optional.empty();
    }

    /**
     * The server is stopping: end requests that would otherwise never end (event streams), so the requests in
     * flight can finish. Called before HTTP stops accepting requests.
     */
    default void stopping() {
    }
}
