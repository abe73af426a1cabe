package io.callport.server.http;

import io.callport.server.auth.AccessDeniedException;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.auth.Role;
import io.callport.server.store.ApiKeyRecord;
import io.callport.server.store.ApiKeyRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/** {@code /api/v1/api-keys}: issue (the secret is shown once), list and revoke API keys. */
public final class ApiKeyRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/api-keys";

    private final ApiKeyService service;
    private final ApiKeyRepository keys;
    private final CampaignLookup lookup;

    public ApiKeyRoutes(ApiKeyService service, ApiKeyRepository keys, CampaignLookup lookup) {
        this.service = service;
        this.keys = keys;
        this.lookup = lookup;
    }

    /**
     * A key as listed: never its secret.
     *
     * @param scope      {@code ORGANISATION} or {@code CAMPAIGN}
     * @param campaignId the campaign of a campaign key; null for an organisation key
     */
    public record ApiKeyView(String id, String name, Role role, String scope, String campaignId, String prefix,
                             Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static ApiKeyView of(ApiKeyRecord k) {
            return new ApiKeyView(k.id(), k.name(), k.role(), k.isOrganisationWide() ? "ORGANISATION" : "CAMPAIGN",
                    k.campaignId(), k.prefix(), k.createdAt(), k.lastUsedAt(), k.revokedAt());
        }
    }

    /** The answer to creating a key: the only time its secret is shown. */
    public record IssuedKeyView(ApiKeyView key, String secret) {
    }

    public record ApiKeyRequest(String name, String role, String campaignId) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PATH, this::create)
                .get(PATH, this::list)
                .delete(PATH + "/{id}", this::revoke);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/api-keys.json");
    }

    private void create(Context ctx) {
        Principal principal = manager(ctx);
        ApiKeyRequest request = Requests.json(ctx, ApiKeyRequest.class);
        Role role = Role.parse(request.role());
        requireMayGrant(principal, role);
        String campaignId = request.campaignId() == null ? null
                : lookup.visible(principal, request.campaignId()).id();
        ApiKeyService.Issued issued = service.issue(principal.orgId(), campaignId, request.name(), role);
        ctx.status(201).json(new IssuedKeyView(ApiKeyView.of(issued.key()), issued.secret()));
    }

    private void list(Context ctx) {
        Principal principal = manager(ctx);
        ctx.json(keys.list(principal.orgId()).stream().map(ApiKeyView::of).toList());
    }

    private void revoke(Context ctx) {
        Principal principal = manager(ctx);
        String id = ctx.pathParam("id");
        ApiKeyRecord key = keys.find(principal.orgId(), id)
                .orElseThrow(() -> ApiException.notFound("There is no API key '" + id + "' in this organisation."));
        requireMayGrant(principal, key.role());
        keys.revoke(principal.orgId(), id);
        ctx.status(204);
    }

    private static Principal manager(Context ctx) {
        return Principal.of(ctx).require(Permission.MANAGE_API_KEYS).requireOrganisationWide("manage API keys");
    }

    private static void requireMayGrant(Principal principal, Role role) {
        if (!principal.role().mayGrant(role)) {
            throw new AccessDeniedException("A key with the role " + principal.role() + " cannot manage keys with "
                    + "the higher role " + role + ".");
        }
    }
}
