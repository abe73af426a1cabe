package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.ingest.Pipeline;
import io.callport.server.store.Call;
import io.callport.server.store.CallFilter;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Page;
import io.callport.server.landing.UploadSource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Calls: listing with filters, one call with its versions, reprocessing. */
public final class CallRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/calls";

    private final Pipeline pipeline;
    private final CampaignLookup lookup;

    public CallRoutes(Pipeline pipeline, CampaignLookup lookup) {
        this.pipeline = pipeline;
        this.lookup = lookup;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::list)
                .get(PATH + "/{id}", this::one)
                .post(PATH + "/{id}/reprocess", this::reprocess);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/calls.json");
    }

    private void list(Context ctx) {
        Principal principal = PipelineQuery.viewer(ctx);
        UploadSource source = PipelineQuery.enumeration(ctx, "source", UploadSource.class);
        CallFilter filter = new CallFilter(PipelineQuery.campaigns(ctx, principal, lookup),
                PipelineQuery.enumeration(ctx, "status", CallStatus.class), source == null ? null : source.name(),
                blankToNull(ctx.queryParam("agentId")), PipelineQuery.instant(ctx, "from"),
                PipelineQuery.instant(ctx, "to"));
        Page page = PipelineQuery.page(ctx);
        List<Call> calls = pipeline.store().calls().list(principal.orgId(), filter, page);
        ctx.json(PipelineViews.Listing.of(calls, page, PipelineViews.CallView::of));
    }

    private void one(Context ctx) {
        Call call = visible(PipelineQuery.viewer(ctx), ctx.pathParam("id"));
        ctx.json(new PipelineViews.CallDetail(PipelineViews.CallView.of(call),
                pipeline.store().calls().versions(call.id()).stream().map(PipelineViews.VersionView::of).toList()));
    }

    private void reprocess(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.REPROCESS_CALLS);
        Call call = visible(principal, ctx.pathParam("id"));
        ctx.status(202).json(PipelineViews.CallView.of(
                pipeline.commands().reprocess(principal.orgId(), call.id()).orElseThrow()));
    }

    private Call visible(Principal principal, String callId) {
        return pipeline.store().calls().find(principal.orgId(), callId)
                .filter(call -> principal.canSee(call.campaignId()))
                .orElseThrow(() -> ApiException.unreachable("call", callId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
