package io.callport.server;

import io.callport.server.http.CampaignLookup;
import io.callport.server.http.PullConnectorRoutes;
import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.UploadSource;
import io.callport.server.pull.PullConnectorRepository;
import io.callport.server.pull.PullLedger;
import io.callport.server.pull.PullScheduler;
import io.callport.server.pull.PulledFileSink;
import java.nio.file.Path;

/**
 * Files the pull connectors fetch from customers' servers, for one server start: the scheduler that runs the
 * connectors and the routes that configure them. A fetched file lands in its campaign's folder like an upload, with
 * source {@link UploadSource#PULL}, and the pipeline hears of it once.
 */
final class PullTransfers {
    /** Files being fetched, inside the data folder so that landing them is a rename on the same file system. */
    static final String STAGING_DIR = "pull-staging";

    private final PullScheduler scheduler;
    private final PullConnectorRoutes routes;

    PullTransfers(ServerContext context, LandingArea landing, LandingListener listener) {
        Path dataDir = context.config().dataDir();
        PullConnectorRepository connectors = new PullConnectorRepository(context.database(), context.clock(),
                context.secrets());
        PullLedger ledger = new PullLedger(context.database(), context.clock());
        PulledFileSink sink = (campaign, relativePath, file) -> landing.landFile(file,
                new CampaignPath(campaign, relativePath), UploadSource.PULL, listener);
        this.scheduler = new PullScheduler(connectors, ledger, sink, dataDir.resolve(STAGING_DIR), context.clock());
        this.routes = new PullConnectorRoutes(connectors, ledger, scheduler,
                new CampaignLookup(context.store().campaigns()));
    }

    ManagedComponent scheduler() {
        return scheduler;
    }

    PullConnectorRoutes routes() {
        return routes;
    }
}
