package io.callport.server.http;

import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** {@code GET /metrics} in Prometheus text format; like every route but /health it needs an API key. */
public final class MetricsRoutes implements RouteGroup {
    private final HttpMetrics metrics;

    public MetricsRoutes(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.exposition()));
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/operations.json");
    }
}
