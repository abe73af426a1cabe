package io.callport.server.ingest;

import io.callport.server.ManagedComponent;
import io.callport.server.ServerContext;
import io.callport.server.ServerExtension;
import io.callport.server.http.RouteGroup;
import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingListener;
import io.callport.server.storage.BlobStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * Plugs the ingestion pipeline into the server: its worker threads as a component, and its routes (batches,
 * calls, events). It is also the {@link LandingListener} the transfer servers report landed files to; reports
 * made before the server started or after it stopped are not lost, since the folder scan finds such files.
 */
public final class PipelineExtension implements ServerExtension, LandingListener {
    private final PipelineSettings settings;
    private final Function<ServerContext, RecordingStore> recordings;
    private final AnalysisStep analysis;
    private final Function<Pipeline, List<RouteGroup>> routes;
    private final Function<Pipeline, List<Runnable>> housekeeping;
    private volatile ServerContext startedWith;
    private volatile Pipeline pipeline;

    /**
     * @param recordings permanent storage for recordings, made once per start from the server's context
     * @param analysis   the analysis step after storage, or null for none
     * @param routes       the HTTP routes over the running pipeline
     * @param housekeeping tasks run every {@link PipelineSettings#housekeepingEvery()} (retention)
     */
    public PipelineExtension(PipelineSettings settings, Function<ServerContext, RecordingStore> recordings,
                             AnalysisStep analysis, Function<Pipeline, List<RouteGroup>> routes,
                             Function<Pipeline, List<Runnable>> housekeeping) {
        this.settings = settings;
        this.recordings = recordings;
        this.analysis = analysis;
        this.routes = routes;
        this.housekeeping = housekeeping;
    }

    /**
     * Recordings in the server's blob store: linked into its folder when it is the local one, streamed to it
     * otherwise (S3).
     */
    public static RecordingStore recordingsFor(ServerContext context) {
        BlobStoreSettings blobs = context.config().blobStore();
        if (blobs.kind() != BlobStoreSettings.Kind.LOCAL) {
            return new BlobRecordingStore(context.blobs());
        }
        try {
            return new LocalRecordingStore(blobs.localRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + blobs.localRoot() + " for recordings: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RouteGroup> routeGroups(ServerContext context) {
        return routes.apply(pipelineFor(context));
    }

    @Override
    public List<ManagedComponent> components(ServerContext context) {
        return List.of(pipelineFor(context));
    }

    /** The pipeline of the running server. */
    public Pipeline pipeline() {
        Pipeline current = pipeline;
        if (current == null) {
            throw new IllegalStateException("The pipeline has not been started.");
        }
        return current;
    }

    /** The listener the transfer servers of this start report to: {@code new TransferExtension(pipeline::listenerFor)}. */
    public LandingListener listenerFor(ServerContext context) {
        return pipelineFor(context).intake();
    }

    @Override
    public void landed(LandedFile file) {
        Pipeline current = pipeline;
        if (current != null) {
            current.intake().landed(file);
        }
    }

    @Override
    public void landing(CampaignPath destination) {
        Pipeline current = pipeline;
        if (current != null) {
            current.intake().landing(destination);
        }
    }

    @Override
    public void landingEnded(CampaignPath destination) {
        Pipeline current = pipeline;
        if (current != null) {
            current.intake().landingEnded(destination);
        }
    }

    /** One pipeline per server start; both extension hooks of a start get the same one. */
    private synchronized Pipeline pipelineFor(ServerContext context) {
        if (startedWith != context) {
            try {
                pipeline = new Pipeline(context, settings, recordings.apply(context), analysis);
                housekeeping.apply(pipeline).forEach(pipeline::addHousekeeping);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the pipeline: " + e.getMessage(), e);
            }
            startedWith = context;
        }
        return pipeline;
    }
}
