package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.UploadSource;
import io.callport.server.store.Campaign;
import io.callport.server.store.Store;
import io.callport.server.upload.UploadRoutes;
import io.callport.server.upload.UploadTarget;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The upload routes (one-shot, presigned, tus) behind the API key check: the key decides which campaigns a
 * caller may upload to, exactly as it does for every other campaign route.
 */
public final class UploadRouteGroup implements RouteGroup {
    private final UploadRoutes routes;

    public UploadRouteGroup(UploadRoutes routes) {
        this.routes = routes;
    }

    /** Resolves an upload's campaign for the authenticated caller; another organisation's campaign is a 404. */
    public static UploadTarget targetOf(Store store, Context ctx, String campaignId) {
        Principal principal = Principal.of(ctx).require(Permission.UPLOAD_CALLS);
        Campaign campaign = new CampaignLookup(store.campaigns()).visible(principal, campaignId);
        String orgFolder = store.organisations().find(principal.orgId()).orElseThrow().slug();
        return new UploadTarget(campaign.id(), principal.orgId(), new CampaignFolder(orgFolder, campaign.folder()),
                UploadSource.API);
    }

    @Override
    public void addTo(RoutesConfig config) {
        routes.register(config);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/uploads.json");
    }
}
