package io.callport.server.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** Helpers shared by route groups. */
final class Routes {
    /** Label for requests that matched no route, so unknown paths cannot blow up metric cardinality. */
    static final String UNMATCHED = "unmatched";

    private Routes() {
    }

    /** The matched route's path template ({@code /api/v1/campaigns/{id}}), never the raw path. */
    static String template(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoint();
            return endpoint == null ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
