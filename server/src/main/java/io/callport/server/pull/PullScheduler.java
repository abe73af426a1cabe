package io.callport.server.pull;

import io.callport.server.ManagedComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every enabled connector on its own schedule, each on its own thread, so a slow or failing connector never
 * delays another. After a failed run the connector is retried sooner than its schedule, then less and less often:
 * {@link #FIRST_RETRY}, doubling up to {@link #LONGEST_RETRY}. The next run time is stored, so a restart keeps it.
 */
public final class PullScheduler implements ManagedComponent {
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(PullScheduler.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PullConnectorRepository connectors;
    private final PullLedger ledger;
    private final PulledFileSink sink;
    private final Path stagingRoot;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Map<String, ConnectorTask> tasks = new ConcurrentHashMap<>();

    public PullScheduler(PullConnectorRepository connectors, PullLedger ledger, PulledFileSink sink, Path stagingRoot,
                         Clock clock) {
        this(connectors, ledger, sink, stagingRoot, clock, FIRST_RETRY, LONGEST_RETRY);
    }

    /** With other retry delays; tests use seconds. */
    public PullScheduler(PullConnectorRepository connectors, PullLedger ledger, PulledFileSink sink, Path stagingRoot,
                         Clock clock, Duration firstRetry, Duration longestRetry) {
        this.connectors = connectors;
        this.ledger = ledger;
        this.sink = sink;
        this.stagingRoot = stagingRoot;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
    }

    /** The wait before retrying after {@code failuresInARow} failed runs. */
    public static Duration retryDelay(int failuresInARow, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(failuresInARow - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    @Override
    public String name() {
        return "pull";
    }

    @Override
    public void start() {
        refresh();
    }

    /**
     * Picks up connectors added, changed, enabled, disabled or deleted since the last call; call it after every
     * change through the API. A changed connector runs at once with its new settings.
     */
    public synchronized void refresh() {
        List<PullConnector> enabled = connectors.listEnabled();
        Set<String> current = new HashSet<>();
        for (PullConnector connector : enabled) {
            current.add(connector.id());
            ConnectorTask task = tasks.get(connector.id());
            if (task == null) {
                task = new ConnectorTask(connector);
                tasks.put(connector.id(), task);
                Instant stored = connector.status().nextRunAt();
                task.scheduleAt(stored != null && stored.isAfter(clock.instant()) ? stored : clock.instant());
            } else if (!task.updatedAt.equals(connector.updatedAt())) {
                task.updatedAt = connector.updatedAt();
                task.runSoon();
            }
        }
        for (String id : Set.copyOf(tasks.keySet())) {
            ConnectorTask gone = current.contains(id) ? null : tasks.remove(id);
            if (gone != null) {
                gone.shutdown();
            }
        }
    }

    /** Runs the connector now (after a run in progress, if any); the schedule continues from this run. */
    public Optional<CompletableFuture<RunReport>> runNow(String connectorId) {
        return Optional.ofNullable(tasks.get(connectorId)).map(ConnectorTask::runSoon);
    }

    /**
     * Stops the connector's runs, waits for a run in progress to finish the files in flight, and deletes its staged
     * files. Disable the connector first, so that no {@link #refresh()} starts it again; then it can be deleted.
     */
    public void retire(String connectorId) throws InterruptedException, IOException {
        ConnectorTask task = tasks.remove(connectorId);
        if (task != null) {
            task.shutdown();
            awaitEnd(List.of(task));
        }
        Path staging = stagingRoot.resolve(connectorId);
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.walk(staging)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        List<ConnectorTask> stopping = List.copyOf(tasks.values());
        tasks.clear();
        stopping.forEach(ConnectorTask::shutdown);
        awaitEnd(stopping);
    }

    /** Waits for runs in progress to end, up to {@link #STOP_GRACE} in all, then interrupts what is left. */
    private static void awaitEnd(List<ConnectorTask> stopping) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ConnectorTask task : stopping) {
            if (!task.executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                task.executor.shutdownNow();
            }
        }
    }

    private final class ConnectorTask {
        private final String id;
        private final PullRunner runner;
        private final ScheduledThreadPoolExecutor executor;
        private Instant updatedAt;
        /** Touched only on the executor's thread (and before it starts), so scheduling never races a run. */
        private ScheduledFuture<?> next;

        ConnectorTask(PullConnector connector) {
            this.id = connector.id();
            this.updatedAt = connector.updatedAt();
            this.runner = new PullRunner(id, connectors, ledger, sink, stagingRoot, clock);
            this.executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("pull-" + id).daemon()
                    .factory());
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }

        void scheduleAt(Instant when) {
            long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
            next = executor.schedule(this::run, delay, TimeUnit.MILLISECONDS);
            connectors.recordNextRun(id, when);
        }

        CompletableFuture<RunReport> runSoon() {
            CompletableFuture<RunReport> report = new CompletableFuture<>();
            executor.execute(() -> {
                if (next != null) {
                    next.cancel(false);
                }
                report.complete(run());
            });
            return report;
        }

        RunReport run() {
            RunReport report = null;
            try {
                report = runner.runOnce();
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("connector", id).setCause(e).log("pull run crashed");
            }
            Optional<PullConnector> connector = connectors.findById(id);
            if (connector.isEmpty() || !connector.get().enabled() || executor.isShutdown()) {
                // deleted or disabled meanwhile; the next refresh() lets the task go
                return report;
            }
            Instant now = clock.instant();
            ConnectorSettings settings = connector.get().settings();
            Instant when = report != null && report.succeeded() ? settings.schedule().next(now, settings.zone())
                    : now.plus(retryDelay(report == null ? 1 : report.consecutiveFailures(), firstRetry,
                    longestRetry));
            scheduleAt(when);
            return report;
        }

        void shutdown() {
            runner.requestStop();
            executor.shutdown();
        }
    }
}
