package io.callport.server;

import io.callport.server.http.RouteGroup;
import io.callport.server.http.UploadRouteGroup;
import io.callport.server.http.UsageRoutes;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.SizeLimits;
import io.callport.server.landing.WriteCheck;
import io.callport.server.sftp.CallportSftpServer;
import io.callport.server.sftp.RegisteredKeyAccounts;
import io.callport.server.sftp.SftpSettings;
import io.callport.server.upload.TusUploads;
import io.callport.server.upload.UploadPolicySigner;
import io.callport.server.upload.UploadRoutes;
import io.callport.server.upload.RecordedMinutesQuota;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How files reach the server: the landing area, the embedded SFTP server, the HTTP upload routes and the pull
 * connectors, all telling one {@link LandingListener} (the pipeline) about each file that has completely arrived.
 */
public final class TransferExtension implements ServerExtension {
    /** How long an unfinished tus upload is kept. */
    static final Duration TUS_EXPIRY = Duration.ofHours(24);
    /** Partial files nobody has written to for this long are crash leftovers; longer than the tus expiry. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(2);
    private static final Logger LOG = LoggerFactory.getLogger(TransferExtension.class);
    private final Function<ServerContext, LandingListener> listeners;
    private final WriteCheck writeCheck;
    private Transfers transfers;

    /** @param listeners makes the listener told of every arrival, once per server start */
    public TransferExtension(Function<ServerContext, LandingListener> listeners) {
        this(listeners, WriteCheck.NONE);
    }

    /** @param writeCheck asked before each write into the landing area (tests simulate a full disk with it) */
    public TransferExtension(Function<ServerContext, LandingListener> listeners, WriteCheck writeCheck) {
        this.listeners = listeners;
        this.writeCheck = writeCheck;
    }

    /** The paths whose requests carry their own credentials: a presigned form is signed, not keyed. */
    @Override
    public Set<String> publicPaths() {
        return Set.of(UploadRoutes.PRESIGNED_PATH);
    }

    @Override
    public List<RouteGroup> routeGroups(ServerContext context) {
        Transfers current = transfersFor(context);
        return List.of(new UploadRouteGroup(current.uploads),
                new UsageRoutes(context.store().organisations(), current.quota), current.pull.routes());
    }

    @Override
    public List<ManagedComponent> components(ServerContext context) {
        Transfers current = transfersFor(context);
        return List.of(current.sftpComponent(), current.sweeper(), current.pull.scheduler());
    }

    /** One set of transfer parts per start, shared by the routes and the components of that start. */
    private synchronized Transfers transfersFor(ServerContext context) {
        if (transfers == null || transfers.context != context) {
            try {
                transfers = new Transfers(context, listeners.apply(context), writeCheck);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot prepare the landing area: " + e.getMessage(), e);
            }
        }
        return transfers;
    }

    private static final class Transfers {
        private final ServerContext context;
        private final LandingArea landing;
        private final TusUploads tus;
        private final RecordedMinutesQuota quota;
        private final UploadRoutes uploads;
        private final CallportSftpServer sftp;
        private final PullTransfers pull;

        Transfers(ServerContext context, LandingListener listener, WriteCheck writeCheck) throws IOException {
            this.context = context;
            Path dataDir = context.config().dataDir();
            this.landing = new LandingArea(dataDir.resolve("landing"), SizeLimits.DEFAULT, Clock.systemUTC(),
                    writeCheck);
            this.tus = new TusUploads(dataDir.resolve("tus"), landing, listener, TUS_EXPIRY, context.clock());
            this.quota = new RecordedMinutesQuota(context.store().organisations(), context.clock());
            this.uploads = new UploadRoutes(
                    (ctx, campaignId) -> UploadRouteGroup.targetOf(context.store(), ctx, campaignId),
                    landing, listener,
                    UploadPolicySigner.fromSecretFile(dataDir.resolve("upload-signing.key"), context.clock()),
                    quota, tus);
            SftpSettings settings = SftpSettings.defaults(dataDir)
                    .withBind(context.config().bind())
                    .withPort(context.config().sftpPort());
            this.sftp = new CallportSftpServer(settings, new RegisteredKeyAccounts(context.store(), landing), landing,
                    listener);
            this.pull = new PullTransfers(context, landing, listener);
        }

        ManagedComponent sftpComponent() {
            return new ManagedComponent() {
                @Override
                public String name() {
                    return "sftp";
                }

                @Override
                public void start() throws IOException {
                    sftp.start();
                    context.ports().publishSftp(sftp.port());
                }

                @Override
                public void stop() throws IOException {
                    sftp.stop();
                }
            };
        }

        /** Removes expired tus uploads and abandoned partial files now and then. */
        ManagedComponent sweeper() {
            return new ManagedComponent() {
                private ScheduledExecutorService scheduler;

                @Override
                public String name() {
                    return "transfer-sweeper";
                }

                @Override
                public void start() {
                    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
                    scheduler.scheduleWithFixedDelay(this::sweep, 5, 15, TimeUnit.MINUTES);
                }

                private void sweep() {
                    try {
                        int expired = tus.sweepExpired();
                        int abandoned = landing.sweepAbandoned(ABANDONED_AFTER);
                        LOG.atInfo().addKeyValue("expiredUploads", expired).addKeyValue("abandonedFiles", abandoned)
                                .log("transfer sweep");
                    } catch (IOException | RuntimeException e) {
                        LOG.atWarn().setCause(e).log("transfer sweep failed; it runs again later");
                    }
                }

                @Override
                public void stop() throws InterruptedException {
                    scheduler.shutdownNow();
                    scheduler.awaitTermination(10, TimeUnit.SECONDS);
                }
            };
        }
    }
}
