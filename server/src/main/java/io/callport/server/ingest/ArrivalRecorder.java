package io.callport.server.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records landed files on a thread of its own, so that no upload waits for its file to be read again: takes what has
 * landed, hashes each file (the duplicate check compares contents) and records them together in one transaction. A
 * group the database refuses is tried again until it is recorded or the pipeline stops; a file left unrecorded by a
 * crash is found by the folder scan of the next start. Hashing here instead of while the bytes arrive took about
 * 0.6 s of CPU per GiB off every transfer (docs/decisions.md).
 */
final class ArrivalRecorder {
    /** A file that landed, with its arrival still to be hashed. */
    record Landed(Intake.Arrival arrival, Path file) {
    }

    /** Put in the queue by {@link #stop}: what came before it is recorded, then the thread ends. */
    private static final Landed STOP = new Landed(null, null);
    private static final int MOST_AT_ONCE = 500;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalRecorder.class);

    private final BlockingQueue<Landed> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Intake.Arrival>> record;
    private final Consumer<Landed> done;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param record records arrivals in one transaction, throwing when it cannot
     * @param done   told of each file once it is recorded or given up
     */
    ArrivalRecorder(Consumer<List<Intake.Arrival>> record, Consumer<Landed> done) {
        this.record = record;
        this.done = done;
    }

    void add(Landed landed) {
        queue.add(landed);
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("callport-arrivals").daemon().start(this::recordUntilStopped);
    }

    /** Records what has landed so far, then stops. */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            queue.add(STOP);
            thread.join();
            thread = null;
        }
        List<Landed> lateComers = new ArrayList<>();
        queue.drainTo(lateComers);
        lateComers.remove(STOP);
        if (!lateComers.isEmpty()) {
            recordPersistently(lateComers);
        }
    }

    private void recordUntilStopped() {
        try {
            for (Landed first = queue.take(); first != STOP; first = queue.take()) {
                List<Landed> group = new ArrayList<>(List.of(first));
                queue.drainTo(group, MOST_AT_ONCE - 1);
                boolean stopping = group.remove(STOP);
                recordPersistently(group);
                if (stopping) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hashes the group's files once, then records them, trying again while the pipeline runs; once it stops, one
     * try is all.
     */
    private void recordPersistently(List<Landed> group) throws InterruptedException {
        List<Landed> readable = new ArrayList<>();
        List<Intake.Arrival> arrivals = new ArrayList<>();
        for (Landed landed : group) {
            try {
                arrivals.add(landed.arrival().withSha256(FolderScan.sha256(landed.file())));
                readable.add(landed);
            } catch (IOException gone) {
                // deleted or replaced before it was read: a replacing upload records itself
                LOG.atInfo().addKeyValue("file", landed.arrival().path()).addKeyValue("error", gone.getMessage())
                        .log("a file that landed was gone before it was recorded");
                done.accept(landed);
            }
        }
        while (!arrivals.isEmpty()) {
            try {
                record.accept(arrivals);
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    LOG.atWarn().addKeyValue("files", arrivals.size()).addKeyValue("error", e.getMessage())
                            .log("files that landed as the pipeline stopped were not recorded; the next start finds them");
                    break;
                }
                LOG.atWarn().addKeyValue("files", arrivals.size()).addKeyValue("error", e.getMessage()).setCause(e)
                        .log("files that landed could not be recorded; trying again");
                Thread.sleep(RETRY_AFTER);
            }
        }
        readable.forEach(done);
    }
}
