package io.callport.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request; the route template is logged, never headers or bodies, so keys stay out of logs. */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.callport.server.http.requests");

    private RequestLog() {
    }

    static void log(Context ctx, Float millis) {
        LOG.atInfo()
                .addKeyValue("method", Routes.method(ctx))
                .addKeyValue("route", Routes.template(ctx))
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("ms", Math.round(millis * 10) / 10.0)
                .addKeyValue("remote", ctx.ip())
                .log("http request");
    }
}
