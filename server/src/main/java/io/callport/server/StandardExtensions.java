package io.callport.server;

import io.callport.server.http.PipelineRoutes;
import io.callport.server.ingest.PipelineExtension;
import io.callport.server.ingest.PipelineSettings;
import io.callport.server.retention.Housekeeping;
import java.util.List;

/** The features a production server runs with; the one place to plug in a new one. */
public final class StandardExtensions {
    private StandardExtensions() {
    }

    public static List<ServerExtension> all() {
        PipelineExtension pipeline = new PipelineExtension(PipelineSettings.defaults(),
                PipelineExtension::recordingsFor, null, PipelineRoutes::of, Housekeeping::of);
        return List.of(pipeline, new TransferExtension(pipeline::listenerFor));
    }
}
