package io.callport.server.retention;

import io.callport.server.ingest.Pipeline;
import java.util.List;

/** The retention tasks a running pipeline does now and then ({@code PipelineSettings.housekeepingEvery}). */
public final class Housekeeping {
    private Housekeeping() {
    }

    public static List<Runnable> of(Pipeline pipeline) {
        return List.of(new LandingPurge(pipeline, pipeline.clock()), new RetentionSweep(pipeline, pipeline.clock()));
    }
}
