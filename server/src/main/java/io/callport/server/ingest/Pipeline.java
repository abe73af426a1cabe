package io.callport.server.ingest;

import io.callport.server.ManagedComponent;
import io.callport.server.ServerContext;
import io.callport.server.landing.LandingListener;
import io.callport.server.store.PipelineStore;
import io.callport.server.store.PlannerStatistics;
import io.callport.server.store.Store;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion pipeline of one server process: intake of landed files, worker threads running the stages from
 * the shared work queue, the folder watch and the periodic folder scan, and housekeeping. Several processes on one PostgreSQL database
 * and one landing folder split the work between them.
 */
public final class Pipeline implements ManagedComponent {
    /** Where landed files are, under the data folder; the transfer servers land files there too. */
    public static final String LANDING_FOLDER = "landing";
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final PipelineContext context;
    private final Intake intake;
    private final FolderScan scan;
    private final FolderWatch watch;
    private final WorkRunner runner;
    private final PipelineCommands commands;
    private final PlannerStatistics statistics;
    private final List<Runnable> housekeeping = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    public Pipeline(ServerContext server, PipelineSettings settings, RecordingStore recordings, AnalysisStep analysis)
            throws IOException {
        Clock clock = Clock.tick(server.clock(), Duration.ofMillis(1));
        PipelineStore pipeline = PipelineStore.on(server.database(), clock, workerName(), server.secrets());
        LandedFiles landed = new LandedFiles(server.config().dataDir().resolve(LANDING_FOLDER));
        Store store = server.store();
        this.context = new PipelineContext(server.database(), store, pipeline, clock, settings, landed, recordings,
                new PipelineEvents(), new WorkSignal(), analysis);
        CampaignFolders folders = new CampaignFolders(store);
        this.intake = new Intake(context, folders);
        this.scan = new FolderScan(context, folders, intake);
        this.watch = new FolderWatch(context, scan);
        FailedRowsReport reports = new FailedRowsReport(landed, pipeline.rows());
        Association association = new Association(context);
        List<Stage> stages = new ArrayList<>(List.of(
                new BatchClosing(context),
                new CsvReading(context, association, new CrmImport(context), reports),
                new ZipUnpacking(context, intake),
                new BatchSettling(context, association),
                new CallIngesting(context)));
        if (analysis != null) {
            stages.add(new CallAnalyzing(context, analysis));
        }
        stages.add(new BatchRefreshing(context, reports));
        stages.add(new WebhookDelivering(context));
        this.runner = new WorkRunner(context, stages);
        this.commands = new PipelineCommands(context);
        this.statistics = new PlannerStatistics(server.database());
        housekeeping.add(new WaitExpiry(context)::run);
    }

    /** Tells the pipeline of a file that landed; give it to the SFTP server and the upload routes. */
    public LandingListener intake() {
        return intake;
    }

    public PipelineCommands commands() {
        return commands;
    }

    /** Every campaign of every organisation, for housekeeping. */
    public List<io.callport.server.store.Campaign> allCampaigns() {
        return context.store().organisations().list().stream()
                .flatMap(org -> context.store().campaigns().list(org.id()).stream()).toList();
    }

    /** The clock the pipeline keeps time with (whole milliseconds). */
    public Clock clock() {
        return context.clock();
    }

    /** The server's campaigns, for the pipeline's routes. */
    public io.callport.server.store.CampaignRepository campaigns() {
        return context.store().campaigns();
    }

    public PipelineEvents events() {
        return context.events();
    }

    public PipelineStore store() {
        return context.pipeline();
    }

    public RecordingStore recordings() {
        return context.recordings();
    }

    public LandedFiles landedFiles() {
        return context.landed();
    }

    /** Adds a periodic housekeeping task (retention), run every {@link PipelineSettings#housekeepingEvery()}. */
    public void addHousekeeping(Runnable task) {
        housekeeping.add(task);
    }

    /** Scans the campaign folders now; returns how many files it recorded. */
    public int scanNow() throws IOException {
        return scan.scan();
    }

    /** Runs the housekeeping tasks now. */
    public void houseKeepNow() {
        for (Runnable task : housekeeping) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).setCause(e).log("housekeeping failed");
            }
        }
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public void start() {
        int encrypted = context.pipeline().webhooks().encryptPlainSecrets();
        if (encrypted > 0) {
            LOG.atInfo().addKeyValue("webhooks", encrypted)
                    .log("webhook secrets stored in plain text are now encrypted");
        }
        runner.start();
        intake.start();
        try {
            watch.start();
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).setCause(e)
                    .log("the campaign folders cannot be watched; files put there are found by the periodic scan");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().name("callport-pipeline-timer").daemon().unstarted(runnable));
        PipelineSettings settings = context.settings();
        scheduler.scheduleWithFixedDelay(this::scanQuietly, 0, settings.scanEvery().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refreshStatisticsQuietly, PlannerStatistics.EVERY.toMillis(),
                PlannerStatistics.EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::houseKeepNow, settings.housekeepingEvery().toMillis(),
                settings.housekeepingEvery().toMillis(), TimeUnit.MILLISECONDS);
        LOG.atInfo().addKeyValue("workers", settings.workers()).addKeyValue("worker", context.pipeline().work().worker())
                .log("pipeline started");
    }

    @Override
    public void stop() throws InterruptedException, IOException {
        watch.stop();
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        intake.stop();
        runner.stop();
    }

    private void scanQuietly() {
        try {
            int found = scan.scan();
            if (found > 0) {
                LOG.atInfo().addKeyValue("files", found).log("folder scan found files no upload reported");
            }
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).setCause(e).log("folder scan failed");
        }
    }

    private void refreshStatisticsQuietly() {
        try {
            statistics.refresh();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).setCause(e).log("planner statistics were not refreshed");
        }
    }

    /** This process in the work queue: host, process id and a random part (a restarted process is another). */
    private static String workerName() {
        String host = ManagementFactory.getRuntimeMXBean().getName();
        return host.toLowerCase(Locale.ROOT) + "-" + io.callport.server.store.Ids.next("w").substring(2, 8);
    }
}
