package io.callport.server.pull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one connector: decide what to fetch ({@link RunPlanner}), fetch it on up to the connector's parallel
 * connections into the staging folder ({@link Staging}), resuming what an earlier attempt left, and hand each whole
 * file to the {@link PulledFileSink} once ({@link Deliveries}). Records the outcome on the connector.
 */
public final class PullRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PullRunner.class);

    private final String connectorId;
    private final PullConnectorRepository connectors;
    private final PullLedger ledger;
    private final PulledFileSink sink;
    private final Staging staging;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** @param stagingRoot the folder for files in transit; this connector uses a subfolder named after its id */
    public PullRunner(String connectorId, PullConnectorRepository connectors, PullLedger ledger, PulledFileSink sink,
                      Path stagingRoot, Clock clock) {
        this.connectorId = connectorId;
        this.connectors = connectors;
        this.ledger = ledger;
        this.sink = sink;
        this.staging = new Staging(stagingRoot.resolve(connectorId));
        this.clock = clock;
    }

    public String connectorId() {
        return connectorId;
    }

    /** Asks a run in progress to finish the files it is fetching and start no more. */
    public void requestStop() {
        stopping.set(true);
    }

    /**
     * Runs once and records the outcome on the connector. Remote problems do not throw: they are in the report and
     * on the connector's status.
     */
    public RunReport runOnce() {
        PullConnector connector = connectors.findById(connectorId)
                .orElseThrow(() -> new IllegalStateException("Connector " + connectorId + " no longer exists"));
        Instant startedAt = clock.instant();
        RunCounters counters = new RunCounters();
        PullException failure = null;
        try (Deliveries deliveries = new Deliveries(connectorId, connector.campaignFolder(), ledger, sink,
                counters)) {
            deliveries.resumeEarlier(staging);
            PullSource source = PullSources.of(connector.settings().site(), connectors.credentials(connectorId),
                    connector.pinnedFingerprint());
            try (PullSession first = source.connect()) {
                first.serverFingerprint().filter(seen -> connector.pinnedFingerprint() == null)
                        .ifPresent(seen -> connectors.pinFirstSeen(connectorId, seen));
                List<RunPlanner.Job> work = new RunPlanner(connectorId, ledger, clock)
                        .plan(connector.settings(), first, counters);
                fetchAll(connector.settings().parallelFetches(), source, first, work, deliveries, counters);
            }
        } catch (PullException e) {
            failure = e;
        }
        int failuresInARow = 0;
        if (failure == null) {
            connectors.recordSuccess(connectorId, startedAt);
        } else {
            failuresInARow = connectors.recordFailure(connectorId, startedAt, failure);
        }
        RunReport report = counters.report(failure, failuresInARow);
        LOG.atInfo().addKeyValue("connector", connectorId).addKeyValue("listed", report.listed())
                .addKeyValue("delivered", report.delivered()).addKeyValue("notPicked", report.notPicked())
                .addKeyValue("unchanged", report.unchanged()).addKeyValue("failedFiles", report.failedFiles())
                .addKeyValue("bytes", report.bytes())
                .addKeyValue("failure", failure == null ? "none" : failure.failure())
                .log(failure == null ? "pull run finished" : "pull run failed: " + failure.getMessage());
        return report;
    }

    /**
     * Fetches {@code work} on up to {@code parallel} connections, the first being {@code first}. A connection that
     * fails puts its file back for the others, which resume it; the run fails only when files are left undone.
     */
    private void fetchAll(int parallel, PullSource source, PullSession first, List<RunPlanner.Job> work,
                          Deliveries deliveries, RunCounters counters) throws PullException {
        Queue<RunPlanner.Job> queue = new ConcurrentLinkedQueue<>(work);
        AtomicReference<PullException> lost = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(parallel, work.size()); i++) {
            PullSession given = i == 0 ? first : null;
            threads.add(Thread.ofPlatform().name("pull-" + connectorId + "-" + i)
                    .start(() -> fetchQueued(source, given, queue, lost, deliveries, counters)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                stopping.set(true);
                Thread.currentThread().interrupt();
            }
        }
        if (!queue.isEmpty() && lost.get() != null) {
            throw lost.get();
        }
    }

    /** One connection's worker: takes files until none are left, a stop is asked, or its connection fails. */
    private void fetchQueued(PullSource source, PullSession given, Queue<RunPlanner.Job> queue,
                             AtomicReference<PullException> lost, Deliveries deliveries, RunCounters counters) {
        PullSession session = given;
        try {
            for (RunPlanner.Job job; !stopping.get() && (job = queue.poll()) != null; ) {
                try {
                    if (session == null) {
                        session = source.connect();
                    }
                    fetchOne(session, job, deliveries, counters);
                } catch (PullException e) {
                    queue.add(job);
                    throw e;
                }
            }
        } catch (PullException e) {
            lost.compareAndSet(null, e);
            LOG.atWarn().addKeyValue("connector", connectorId).log("pull connection ended: " + e.getMessage());
        } finally {
            if (session != null && session != given) {
                session.close();
            }
        }
    }

    /**
     * Fetches one file into the staging folder and submits it for hand-over. Throws only when the connection can no
     * longer be used; a problem with the file itself is recorded on it and the worker goes on.
     */
    private void fetchOne(PullSession session, RunPlanner.Job job, Deliveries deliveries, RunCounters counters)
            throws PullException {
        RemoteFile file = job.file();
        try {
            Staging.Fetched fetched = staging.fetch(session, file, job.seenBefore());
            counters.bytes.addAndGet(fetched.newBytes());
            deliveries.submit(new Deliveries.Staged(file, fetched.file(), fetched.sha256(), job.previousSha256()));
        } catch (PullException e) {
            long inHand = partialBytes(file);
            if (e.failure().endsSession()) {
                ledger.interrupted(connectorId, file, inHand, e.getMessage());
                throw e;
            }
            ledger.failed(connectorId, file, inHand, e.getMessage());
            counters.failedFiles.incrementAndGet();
        } catch (IOException e) {
            throw new PullException(PullFailure.LOCAL_STORAGE, "Cannot write " + file.path() + " to the staging "
                    + "folder: " + e.getMessage(), e);
        }
    }

    private long partialBytes(RemoteFile file) {
        try {
            return staging.partialBytes(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
