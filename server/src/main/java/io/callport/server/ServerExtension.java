package io.callport.server;

import io.callport.server.http.RouteGroup;
import java.util.List;
import java.util.Set;

/**
 * Plugs a feature into the server: more HTTP route groups and more components sharing the server's lifecycle.
 * Both methods are called once per start, after the database is migrated, with everything the feature may use.
 */
public interface ServerExtension {
    default List<RouteGroup> routeGroups(ServerContext context) {
        return List.of();
    }

    default List<ManagedComponent> components(ServerContext context) {
        return List.of();
    }

    /** Paths whose requests carry their own credentials (a signature, say) and so skip the API key check. */
    default Set<String> publicPaths() {
        return Set.of();
    }
}
