package io.callport.server.http;

import io.callport.server.ServerVersion;
import io.callport.server.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** {@code GET /health}: answers without a key; 503 when the database does not respond. */
public final class HealthRoutes implements RouteGroup {
    private final Database database;
    private final String version = ServerVersion.current();

    public HealthRoutes(Database database) {
        this.database = database;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/operations.json");
    }

    private void health(Context ctx) {
        boolean databaseUp = database.isHealthy();
        ctx.status(databaseUp ? 200 : 503).json(Map.of(
                "status", databaseUp ? "ok" : "unavailable",
                "database", databaseUp ? "ok" : "unreachable",
                "version", version));
    }
}
