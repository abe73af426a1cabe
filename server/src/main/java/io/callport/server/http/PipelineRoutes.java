package io.callport.server.http;

import io.callport.server.ingest.Pipeline;
import java.util.List;

/** The routes over the ingestion pipeline, for {@link io.callport.server.ingest.PipelineExtension}. */
public final class PipelineRoutes {
    private PipelineRoutes() {
    }

    public static List<RouteGroup> of(Pipeline pipeline) {
        CampaignLookup lookup = new CampaignLookup(pipeline.campaigns());
        return List.of(new BatchRoutes(pipeline, lookup), new CallRoutes(pipeline, lookup),
                new EventRoutes(pipeline.events(), lookup), new WebhookRoutes(pipeline.store().webhooks(), lookup));
    }
}
