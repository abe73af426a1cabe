package io.callport.server.http;

import io.callport.server.auth.AccessDeniedException;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.auth.Role;
import io.callport.server.store.User;
import io.callport.server.store.UserRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/users}: the organisation's people and their roles. */
public final class UserRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/users";

    private final UserRepository users;

    public UserRoutes(UserRepository users) {
        this.users = users;
    }

    public record UserRequest(String email, String name, String role) {
    }

    /** A user, with what their role allows. */
    public record UserView(String id, String email, String name, Role role, Set<Permission> permissions,
                           Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.name(), u.role(), u.role().permissions(), u.createdAt());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::create)
                .get(PATH, this::list);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/users.json");
    }

    private void create(Context ctx) {
        Principal principal = admin(ctx);
        UserRequest request = Requests.json(ctx, UserRequest.class);
        Role role = Role.parse(request.role());
        if (!principal.role().mayGrant(role)) {
            throw new AccessDeniedException("A key with the role " + principal.role() + " cannot add a user with the "
                    + "higher role " + role + ".");
        }
        ctx.status(201).json(UserView.of(users.create(principal.orgId(), request.email(), request.name(), role)));
    }

    private void list(Context ctx) {
        ctx.json(users.list(admin(ctx).orgId()).stream().map(UserView::of).toList());
    }

    private static Principal admin(Context ctx) {
        return Principal.of(ctx).require(Permission.MANAGE_USERS).requireOrganisationWide("manage users");
    }
}
