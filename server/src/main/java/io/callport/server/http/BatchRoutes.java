package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.ingest.Pipeline;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Batches (the files that arrived together in a campaign folder), their files, and cancelling one. */
public final class BatchRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/batches";

    private final Pipeline pipeline;
    private final CampaignLookup lookup;

    public BatchRoutes(Pipeline pipeline, CampaignLookup lookup) {
        this.pipeline = pipeline;
        this.lookup = lookup;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::list)
                .get(PATH + "/{id}", this::one)
                .get(PATH + "/{id}/files", this::files)
                .post(PATH + "/{id}/cancel", this::cancel);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/batches.json");
    }

    private void list(Context ctx) {
        Principal principal = PipelineQuery.viewer(ctx);
        List<String> campaigns = PipelineQuery.campaigns(ctx, principal, lookup);
        Page page = PipelineQuery.page(ctx);
        List<IngestBatch> batches = pipeline.store().batches().list(principal.orgId(), campaigns,
                PipelineQuery.enumeration(ctx, "status", BatchStatus.class), page);
        ctx.json(PipelineViews.Listing.of(batches, page, this::view));
    }

    private void one(Context ctx) {
        ctx.json(view(visible(PipelineQuery.viewer(ctx), ctx.pathParam("id"))));
    }

    private void files(Context ctx) {
        IngestBatch batch = visible(PipelineQuery.viewer(ctx), ctx.pathParam("id"));
        Page page = PipelineQuery.page(ctx);
        List<IngestFile> files = pipeline.store().files().inBatch(batch.id(),
                PipelineQuery.enumeration(ctx, "status", FileStatus.class), page);
        ctx.json(PipelineViews.Listing.of(files, page, PipelineViews.FileView::of));
    }

    private void cancel(Context ctx) {
        Principal principal = Principal.of(ctx).require(Permission.UPLOAD_CALLS);
        IngestBatch batch = visible(principal, ctx.pathParam("id"));
        ctx.json(view(pipeline.commands().cancel(principal.orgId(), batch.id()).orElseThrow()));
    }

    private IngestBatch visible(Principal principal, String batchId) {
        return pipeline.store().batches().find(principal.orgId(), batchId)
                .filter(batch -> principal.canSee(batch.campaignId()))
                .orElseThrow(() -> ApiException.unreachable("batch", batchId));
    }

    private PipelineViews.BatchView view(IngestBatch batch) {
        return PipelineViews.BatchView.of(batch, pipeline.store().batches().counts(batch.id()));
    }
}
