package io.callport.server.http;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/openapi.json}: the document describing every route of this server, this one included. */
public final class OpenApiRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/openapi.json";
    private final List<RouteGroup> documented;
    private final String version;

    /** @param otherGroups every other route group of the server */
    public OpenApiRoutes(List<RouteGroup> otherGroups, String version) {
        this.documented = new ArrayList<>(otherGroups);
        this.documented.add(this);
        this.version = version;
    }

    public OpenApiDocument document() {
        return OpenApiDocument.assemble(documented, version);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        OpenApiDocument document = document();
        routes.get(PATH, ctx -> ctx.json(document.json()));
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/operations.json");
    }
}
