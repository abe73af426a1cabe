package io.callport.server.http;

import io.javalin.config.RoutesConfig;

/** The routes of one resource, added to the server's HTTP API when it is built. */
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
