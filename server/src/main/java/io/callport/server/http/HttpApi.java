package io.callport.server.http;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Builds the Javalin application from route groups, with the server-wide HTTP behaviour in one place. */
public final class HttpApi {
    /** How long a stopping server waits for requests in flight before closing their connections. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private HttpApi() {
    }

    public static Javalin create(List<RouteGroup> groups) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.modifyServer(server -> {
                // stop() first refuses new requests, then waits for those in flight to finish
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.requestLogger.http(RequestLog::log);
            ErrorMapping.addTo(config.routes);
            groups.forEach(group -> group.addTo(config.routes));
        });
    }
}
