package io.callport.service.upload;

import io.callport.service.ServerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends the files of a plan over a few lanes at once, every recording before any metadata. A file that fails is
 * tried again after a wait that doubles each time (starting over when a try gained ground); a refusal is final. Files the journal says were sent before are
 * not sent again, and each file sent is written to the journal. Pause holds every transfer where it is; cancel
 * breaks them off (what was sent stays in the journal, so the batch can be sent again later).
 *
 * <p>Progress is read with {@link #snapshot()}, which any thread may call as often as it likes.
 */
public final class UploadQueue {
    private final List<Tracked> files = new ArrayList<>();
    private final UploadJournal journal;
    private final Senders senders;
    private final RetryPolicy retry;
    private final Clock clock;
    private final PauseGate gate;
    private final RateMeter rate = new RateMeter();
    private final CountDownLatch finished;
    private final List<FileSender> lanes = new ArrayList<>();
    private UploadPhase phase = UploadPhase.RECORDINGS;
    private volatile UploadState state = UploadState.READY;

    UploadQueue(UploadPlan plan, UploadJournal journal, Senders senders, RetryPolicy retry, Clock clock,
                PauseGate gate) {
        this.journal = journal;
        this.senders = senders;
        this.retry = retry;
        this.clock = clock;
        this.gate = gate;
        for (UploadItem item : plan.items()) {
            Tracked tracked = new Tracked(item);
            if (journal.wasSent(item)) {
                tracked.state = FileState.SENT_BEFORE;
                tracked.sent = item.size();
            }
            files.add(tracked);
        }
        finished = new CountDownLatch(senders.lanes());
    }

    /** Starts the lanes; returns at once. */
    public synchronized void start() {
        if (state != UploadState.READY) {
            throw new IllegalStateException("An upload starts once.");
        }
        state = UploadState.RUNNING;
        for (int i = 0; i < senders.lanes(); i++) {
            FileSender lane = senders.lane(i);
            lanes.add(lane);
            Thread.ofPlatform().daemon().name("callport-upload-" + (i + 1)).start(() -> run(lane));
        }
    }

    /** Holds every transfer where it is, until {@link #resume()}. */
    public synchronized void pause() {
        if (state == UploadState.RUNNING) {
            gate.pause();
            state = UploadState.PAUSED;
        }
    }

    public synchronized void resume() {
        if (state == UploadState.PAUSED) {
            rate.reset();
            gate.resume();
            state = UploadState.RUNNING;
        }
    }

    /**
     * Breaks off every transfer; files not sent yet are marked cancelled. The upload is {@link UploadState#CANCELLED}
     * once every lane has stopped.
     */
    public void cancel() {
        List<FileSender> running;
        synchronized (this) {
            if (state == UploadState.FINISHED || state == UploadState.CANCELLED || gate.isCancelled()) {
                return;
            }
            gate.cancel();
            running = List.copyOf(lanes);
            notifyAll();
            if (state == UploadState.READY) {
                for (int i = 0; i < senders.lanes(); i++) {
                    laneDone();
                }
            }
        }
        running.forEach(FileSender::abort);
    }

    /** Waits until every file is settled or the upload is cancelled; true when it ended within the time. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public UploadSnapshot snapshot() {
        List<FileProgress> progress = new ArrayList<>(files.size());
        long total = 0;
        long sent = 0;
        synchronized (this) {
            for (Tracked file : files) {
                progress.add(file.progress());
                if (file.state != FileState.SENT_BEFORE) {
                    total += file.item.size();
                    sent += file.sent;
                }
            }
        }
        double bytesPerSecond = state == UploadState.RUNNING ? rate.sample(System.nanoTime(), sent) : 0;
        Duration left = bytesPerSecond > 0 ? Duration.ofMillis((long) ((total - sent) * 1000 / bytesPerSecond)) : null;
        return new UploadSnapshot(state, progress, total, sent, bytesPerSecond, left);
    }

    private void run(FileSender lane) {
        try {
            for (Tracked file = next(); file != null; file = next()) {
                sendWithRetries(lane, file);
            }
        } finally {
            lane.close();
            laneDone();
        }
    }

    /** The next file to send in the current phase, waiting while the phase's last files are still in flight. */
    private synchronized Tracked next() {
        while (!gate.isCancelled()) {
            boolean phaseBusy = false;
            for (Tracked file : files) {
                if (file.item.phase() != phase) {
                    continue;
                }
                if (file.state == FileState.WAITING) {
                    file.state = FileState.SENDING;
                    return file;
                }
                phaseBusy |= !file.state.isFinal();
            }
            if (phaseBusy) {
                waitQuietly();
            } else if (phase.ordinal() + 1 < UploadPhase.values().length) {
                phase = UploadPhase.values()[phase.ordinal() + 1];
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * Sends the file, trying again after each failure that may pass. The count of tries the policy allows, and the
     * wait that doubles, start over whenever a try starts further into the file than any before (the server kept
     * more of it): a large file on a link that drops now and then keeps going as long as it gains ground.
     */
    private void sendWithRetries(FileSender lane, Tracked file) {
        long furthestStart = -1;
        int triesWithoutGain = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                gate.pass();
                if (!file.item.unchanged()) {
                    settle(file, FileState.FAILED, file.item.name() + " changed after it was planned; check the "
                            + "batch again and send it again.");
                    return;
                }
                update(file, FileState.SENDING, attempt, null, null);
                file.tryStart = -1;
                String sha256 = lane.send(file.item, file::progressed);
                journal.sent(file.item, sha256);
                file.sent = file.item.size();
                settle(file, FileState.SENT, null);
                return;
            } catch (IOException | RuntimeException failure) {
                if (gate.isCancelled()) {
                    settle(file, FileState.CANCELLED, null);
                    return;
                }
                String problem = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                if (file.tryStart > furthestStart) {
                    furthestStart = file.tryStart;
                    triesWithoutGain = 0;
                }
                triesWithoutGain++;
                if (!retryable(failure) || triesWithoutGain >= retry.attempts()) {
                    settle(file, FileState.FAILED, problem);
                    return;
                }
                Duration wait = retry.delayAfter(triesWithoutGain, failure instanceof ServerException server
                        ? server.retryAfter().orElse(null) : null);
                update(file, FileState.RETRYING, attempt, problem, clock.instant().plus(wait));
                try {
                    gate.sleep(wait);
                } catch (IOException cancelled) {
                    settle(file, FileState.CANCELLED, null);
                    return;
                }
            }
        }
    }

    /** Whether trying again may help: lost connections and busy or failing servers, not refusals. */
    private static boolean retryable(Exception failure) {
        if (failure instanceof TransferRefusedException) {
            return false;
        }
        if (failure instanceof ServerException server) {
            // 409: the offset moved, 460: a chunk was damaged on the way; both are resent after asking again
            return server.isTransient() || server.status() == 409 || server.status() == 460;
        }
        return failure instanceof IOException;
    }

    private synchronized void update(Tracked file, FileState newState, int attempts, String problem,
                                     Instant retryAt) {
        file.state = newState;
        file.attempts = attempts;
        file.problem = problem;
        file.retryAt = retryAt;
    }

    private synchronized void settle(Tracked file, FileState finalState, String problem) {
        file.state = finalState;
        file.problem = problem;
        file.retryAt = null;
        notifyAll();
    }

    private synchronized void laneDone() {
        finished.countDown();
        if (finished.getCount() == 0) {
            for (Tracked file : files) {
                if (!file.state.isFinal()) {
                    file.state = FileState.CANCELLED;
                }
            }
            state = gate.isCancelled() ? UploadState.CANCELLED : UploadState.FINISHED;
            closeAll();
        }
    }

    private void closeAll() {
        senders.close();
        try {
            journal.close();
        } catch (IOException ignored) {
            // every entry was forced to disk when it was written
        }
    }

    private void waitQuietly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gate.cancel();
        }
    }

    /** A file's changing state; written by its lane, read by snapshots. */
    private static final class Tracked {
        private final UploadItem item;
        private volatile FileState state = FileState.WAITING;
        private volatile long sent;
        /** Where the current try started: the first progress it reported, what the server already held. */
        private volatile long tryStart;
        private volatile int attempts;
        private volatile String problem;
        private volatile Instant retryAt;

        Tracked(UploadItem item) {
            this.item = item;
        }

        void progressed(long bytes) {
            if (tryStart < 0) {
                tryStart = bytes;
            }
            sent = bytes;
        }

        FileProgress progress() {
            return new FileProgress(item.path(), item.name(), item.phase(), item.size(), sent, state, attempts,
                    problem, retryAt);
        }
    }
}
