package io.callport.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/** Helpers shared by route groups. */
final class Routes {
    /**
     * Label for requests that never reached a route handler: refused before routing (no key, rate limited) or
     * matching no route. It keeps unknown paths from blowing up metric cardinality.
     */
    static final String UNROUTED = "unrouted";

    private Routes() {
    }

    /** The request method, or {@code OTHER} for made-up ones, which would otherwise each become a metric series. */
    static String method(Context ctx) {
        return HandlerType.commonHttp().contains(ctx.method()) ? ctx.method().name() : "OTHER";
    }

    /** The route's path template ({@code /api/v1/campaigns/{id}}), never the raw path. */
    static String template(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoint();
            return endpoint == null || !endpoint.method.isHttpMethod() ? UNROUTED : endpoint.path;
        } catch (RuntimeException e) {
            return UNROUTED;
        }
    }
}
