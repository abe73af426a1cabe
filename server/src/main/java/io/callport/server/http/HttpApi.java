package io.callport.server.http;

import io.callport.server.auth.ApiKeyAuthenticator;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Builds the Javalin application from route groups, with the server-wide HTTP behaviour in one place. */
public final class HttpApi {
    /** How long a stopping server waits for requests in flight before closing their connections. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Largest JSON body read into memory; CSV and media bodies are streamed with their own limits. */
    public static final long MAX_JSON_BODY_BYTES = 1024 * 1024;
    private static final int UPLOAD_READ_BYTES = 64 * 1024;

    private final Javalin javalin;
    private final List<String> operations;
    private final List<RouteGroup> groups;

    private HttpApi(Javalin javalin, List<String> operations, List<RouteGroup> groups) {
        this.javalin = javalin;
        this.operations = operations;
        this.groups = List.copyOf(groups);
    }

    /**
     * @param authenticator runs before every request; it lets public paths through
     * @param metrics       records every request by route template and status
     */
    public static HttpApi create(ApiKeyAuthenticator authenticator, HttpMetrics metrics, List<RouteGroup> groups) {
        List<String> operations = Collections.synchronizedList(new ArrayList<>());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_JSON_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(JsonMappers.api(), true));
            // Uploads arrive in reads of this size: Jetty's 8 KiB default cost a system call per 8 KiB of a recording.
            config.jetty.modifyHttpConfiguration(http -> http.setInputBufferSize(UPLOAD_READ_BYTES));
            config.jetty.modifyServer(server -> {
                // stop() first refuses new requests, then waits for those in flight to finish
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.events.handlerAdded(handler -> {
                if (!handler.getHttpMethod().isHttpMethod()) {
                    return;
                }
                operations.add(handler.getHttpMethod().name().toUpperCase(Locale.ROOT) + " " + handler.getPath());
            });
            config.requestLogger.http((ctx, millis) -> {
                metrics.record(Routes.method(ctx), Routes.template(ctx), ctx.statusCode(), millis / 1000.0);
                RequestLog.log(ctx, millis);
            });
            ErrorMapping.addTo(config.routes);
            config.routes.before(authenticator);
            groups.forEach(group -> group.addTo(config.routes));
        });
        return new HttpApi(javalin, operations, groups);
    }

    public HttpApi start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public void stop() {
        groups.forEach(RouteGroup::stopping);
        javalin.stop();
    }

    public int port() {
        return javalin.port();
    }

    /** Every registered route as {@code "GET /api/v1/campaigns"}. */
    public List<String> operations() {
        return List.copyOf(operations);
    }
}
