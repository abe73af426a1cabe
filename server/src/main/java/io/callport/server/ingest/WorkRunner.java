package io.callport.server.ingest;

import io.callport.server.store.Claim;
import io.callport.server.store.LeaseLostException;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's worker threads. Each looks at the stages in order (so a batch's metadata is read before its
 * recordings are stored, and status refreshes come last), claims work of the first kind that has some, runs it
 * and starts over; with nothing to do it sleeps until work is queued here, work queued for later falls due, or
 * the poll interval passes. A failed run is tried again later, waiting longer each time; after
 * {@link #MAX_ATTEMPTS} its subject is recorded as failed with the last error, so nothing waits forever.
 */
final class WorkRunner {
    static final int MAX_ATTEMPTS = 5;
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** The shortest idle wait: work due now that another worker took just before must not make this one spin. */
    private static final Duration MIN_WAIT = Duration.ofMillis(5);
    private static final Logger LOG = LoggerFactory.getLogger(WorkRunner.class);

    private final PipelineContext context;
    private final List<Stage> stages;
    private final List<WorkKind> kinds;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    WorkRunner(PipelineContext context, List<Stage> stages) {
        this.context = context;
        this.stages = List.copyOf(stages);
        this.kinds = stages.stream().map(Stage::kind).toList();
    }

    void start() {
        running = true;
        for (int i = 1; i <= context.settings().workers(); i++) {
            threads.add(Thread.ofPlatform().name("callport-pipeline-" + i).daemon().start(this::work));
        }
    }

    /** Lets each worker finish the work it holds (up to 30 s), then stops it. */
    void stop() throws InterruptedException {
        running = false;
        context.signal().wake();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        threads.clear();
    }

    private void work() {
        while (running) {
            long seen = context.signal().generation();
            try {
                if (!runOne()) {
                    context.signal().awaitAfter(seen, untilNextDue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database did not answer; wait a little rather than spin
                LOG.atWarn().addKeyValue("error", e.getMessage()).setCause(e).log("pipeline worker could not look for work");
                sleepQuietly(context.settings().pollEvery());
            }
        }
    }

    /**
     * How long an idle worker waits: until the first work queued for later falls due (a batch's window ends, a
     * coalesced refresh), at most the poll interval, after which it looks for work other processes queued.
     */
    private Duration untilNextDue() {
        Duration poll = context.settings().pollEvery();
        return context.pipeline().work().nextDue(kinds)
                .map(due -> Duration.between(context.now(), due))
                .map(wait -> wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait.compareTo(poll) > 0 ? poll : wait)
                .orElse(poll);
    }

    /** Runs one claim of the first stage with due work; false when no stage had any. */
    boolean runOne() {
        for (Stage stage : stages) {
            if (!running) {
                return false;
            }
            if (!context.pipeline().work().hasDue(stage.kind())) {
                continue;
            }
            Claim claim = context.pipeline().work().claim(stage.kind(), stage.claimSize(), context.settings().lease());
            if (!claim.isEmpty()) {
                execute(stage, claim);
                return true;
            }
        }
        return false;
    }

    private void execute(Stage stage, Claim claim) {
        try {
            stage.run(claim);
        } catch (LeaseLostException e) {
            LOG.atInfo().addKeyValue("claim", claim.token()).log(e.getMessage());
            context.database().transaction(c -> {
                context.pipeline().work().release(c, claim);
                return null;
            });
        } catch (Exception e) {
            failed(stage, claim, e);
        }
    }

    private void failed(Stage stage, Claim claim, Exception error) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        LOG.atWarn().addKeyValue("stage", stage.kind()).addKeyValue("claim", claim.token())
                .addKeyValue("items", claim.items().size()).addKeyValue("error", reason).setCause(error)
                .log("pipeline work failed; it will be tried again");
        List<WorkItem> exhausted = claim.items().stream().filter(item -> item.attempts() >= MAX_ATTEMPTS).toList();
        if (!exhausted.isEmpty()) {
            context.transaction((c, changes) -> {
                List<String> held = context.pipeline().work().hold(c, claim, context.settings().lease());
                for (WorkItem item : exhausted) {
                    if (held.contains(item.id())) {
                        stage.giveUp(c, changes, item, "Callport tried " + MAX_ATTEMPTS + " times and failed: "
                                + reason);
                        context.pipeline().work().remove(c, claim, item);
                    }
                }
                return null;
            });
        }
        int attempts = claim.items().stream().mapToInt(WorkItem::attempts).max().orElse(1);
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 10));
        Instant retryAt = context.now().plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff);
        context.pipeline().work().retryLater(claim, retryAt, reason);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
