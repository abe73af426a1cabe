package io.callport.server.pull;

import io.callport.server.landing.CampaignFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a run's staged files to the {@link PulledFileSink}, on a thread of its own, in batches: the whole batch is
 * recorded {@link PullState#FETCHED} in one transaction before the sink sees any of it, and
 * {@link PullState#DELIVERED} in one transaction after. Under load a batch holds many files, so the database commits
 * twice per batch rather than twice per file; a crash in between offers the files again instead of fetching them.
 */
final class Deliveries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final int MAX_BATCH = 500;

    /** A whole file in the staging folder, ready to be handed over. */
    record Staged(RemoteFile file, Path staged, String sha256, String previousSha256) {
        boolean unchanged() {
            return sha256.equals(previousSha256);
        }
    }

    private final String connectorId;
    private final CampaignFolder campaignFolder;
    private final PullLedger ledger;
    private final PulledFileSink sink;
    private final RunCounters counters;
    /** An empty element ends the queue. */
    private final BlockingQueue<Optional<Staged>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile RuntimeException failure;

    Deliveries(String connectorId, CampaignFolder campaignFolder, PullLedger ledger, PulledFileSink sink,
               RunCounters counters) {
        this.connectorId = connectorId;
        this.campaignFolder = campaignFolder;
        this.ledger = ledger;
        this.sink = sink;
        this.counters = counters;
        this.thread = Thread.ofPlatform().name("pull-deliver-" + connectorId).start(this::run);
    }

    void submit(Staged staged) {
        queue.add(Optional.of(staged));
    }

    /** Waits for every submitted file to be handed over; rethrows a database failure that stopped the deliveries. */
    @Override
    public void close() {
        queue.add(Optional.empty());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Hands over the files an earlier run recorded as fetched but did not hand over, each checked against its hash
     * first; call before submitting.
     */
    void resumeEarlier(Staging staging) {
        List<String> taken = new ArrayList<>();
        for (LedgerEntry entry : ledger.list(connectorId, PullState.FETCHED, MAX_BATCH)) {
            Path file = staging.complete(entry.path());
            RemoteFile remote = new RemoteFile(entry.path(), entry.size(), entry.modifiedAt());
            try {
                if (!Files.exists(file)) {
                    // the sink took it before the earlier run could record that
                    taken.add(entry.path());
                } else if (!Staging.sha256(file).equals(entry.sha256())) {
                    Files.delete(file);
                    ledger.damaged(connectorId, remote, "The staged copy was damaged before it was handed over "
                            + "(this server stopped while writing it?); the file is fetched again.");
                } else if (handOver(entry.path(), file)) {
                    taken.add(entry.path());
                }
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("path", entry.path()).setCause(e)
                        .log("staged file unreadable; offered again next run");
            }
        }
        ledger.delivered(connectorId, taken);
        counters.delivered.addAndGet(taken.size());
    }

    private void run() {
        List<Optional<Staged>> batch = new ArrayList<>();
        boolean ended = false;
        while (!ended) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            ended = batch.stream().anyMatch(Optional::isEmpty);
            List<Staged> staged = batch.stream().flatMap(Optional::stream).toList();
            if (failure == null && !staged.isEmpty()) {
                try {
                    deliver(staged);
                } catch (RuntimeException e) {
                    // the files stay staged without a ledger row and are fetched again next run
                    failure = e;
                }
            }
        }
    }

    private void deliver(List<Staged> batch) {
        ledger.fetched(connectorId, batch.stream().map(staged -> new PullLedger.FetchedFile(staged.file(),
                staged.sha256(), staged.unchanged())).toList());
        List<String> taken = new ArrayList<>();
        for (Staged staged : batch) {
            if (staged.unchanged()) {
                deleteQuietly(staged.staged());
                counters.unchanged.incrementAndGet();
            } else if (handOver(staged.file().path(), staged.staged())) {
                taken.add(staged.file().path());
            }
        }
        ledger.delivered(connectorId, taken);
        counters.delivered.addAndGet(taken.size());
    }

    /** Gives the file to the sink; false, with the reason on the file, when the sink refuses it. */
    private boolean handOver(String path, Path file) {
        try {
            sink.pulled(campaignFolder, path, file);
            Files.deleteIfExists(file);
            return true;
        } catch (IOException | RuntimeException e) {
            ledger.deliveryFailed(connectorId, path, "Handing the file to the pipeline failed: " + e.getMessage());
            LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("path", path).setCause(e)
                    .log("pulled file not handed over; offered again next run");
            return false;
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("file", file).setCause(e)
                    .log("staged copy of an unchanged file not deleted");
        }
    }
}
