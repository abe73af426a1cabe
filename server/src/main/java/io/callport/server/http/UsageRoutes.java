package io.callport.server.http;

import io.callport.server.auth.AccessDeniedException;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.auth.Role;
import io.callport.server.store.OrganisationRepository;
import io.callport.server.upload.RecordedMinutesQuota;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code /api/v1/usage}: the organisation's monthly minutes allocation and what it used this month. Presigned
 * uploads are refused when they would go past the allocation; the owner sets it.
 */
public final class UsageRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/usage";

    private final OrganisationRepository organisations;
    private final RecordedMinutesQuota quota;

    public UsageRoutes(OrganisationRepository organisations, RecordedMinutesQuota quota) {
        this.organisations = organisations;
        this.quota = quota;
    }

    /** {@code monthlyMinutes} null means no allocation. */
    public record UsageRequest(Long monthlyMinutes) {
    }

    public record UsageView(Long monthlyMinutes, double usedMinutesThisMonth) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::show).put(PATH, this::update);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/usage.json");
    }

    private void show(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS);
        ctx.json(viewOf(principal.orgId()));
    }

    private void update(Context ctx) {
        Principal principal = Principal.of(ctx).requireOrganisationWide("set the minutes allocation");
        if (principal.role() != Role.OWNER) {
            throw new AccessDeniedException("Only the owner sets the organisation's minutes allocation.");
        }
        organisations.setMonthlyMinutes(principal.orgId(), Requests.json(ctx, UsageRequest.class).monthlyMinutes());
        ctx.json(viewOf(principal.orgId()));
    }

    private UsageView viewOf(String orgId) {
        return new UsageView(organisations.monthlyMinutes(orgId).orElse(null), quota.usedThisMonth(orgId));
    }
}
