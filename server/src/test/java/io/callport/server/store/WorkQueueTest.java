package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock();

    @OnEachDatabase
    void dueItemsAreClaimedOnceAndCompleted(Database database) {
        WorkQueue queue = new WorkQueue(database, clock, "one");
        Instant now = clock.instant();
        database.transaction(c -> {
            queue.enqueue(c, WorkKind.INGEST_CALL, "call-1", now);
            queue.enqueue(c, WorkKind.INGEST_CALL, "call-2", now);
            queue.enqueue(c, WorkKind.INGEST_CALL, "call-3", now.plusSeconds(60));
            queue.enqueue(c, WorkKind.READ_CSV, "file-1", now);
            return null;
        });

        Claim claim = queue.claim(WorkKind.INGEST_CALL, 10, LEASE);

        assertThat(claim.items()).extracting(WorkItem::subjectId).containsExactlyInAnyOrder("call-1", "call-2");
        assertThat(claim.items()).extracting(WorkItem::attempts).containsOnly(1);
        assertThat(claim.token()).startsWith("one/");
        assertThat(queue.claim(WorkKind.INGEST_CALL, 10, LEASE).items()).as("held items are not claimed twice")
                .isEmpty();
        database.transaction(c -> {
            queue.holdAll(c, claim, LEASE);
            queue.complete(c, claim);
            return null;
        });
        assertThat(queue.size()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(61));
        assertThat(queue.claim(WorkKind.INGEST_CALL, 10, LEASE).items()).extracting(WorkItem::subjectId)
                .containsExactly("call-3");
    }

    @OnEachDatabase
    void aLeaseThatRanOutIsClaimedAgainAndTheOldHolderLosesIt(Database database) {
        WorkQueue killed = new WorkQueue(database, clock, "killed");
        WorkQueue survivor = new WorkQueue(database, clock, "survivor");
        database.transaction(c -> {
            killed.enqueue(c, WorkKind.READ_CSV, "file-1", clock.instant());
            return null;
        });
        Claim lost = killed.claim(WorkKind.READ_CSV, 1, LEASE);

        clock.advance(LEASE.minusSeconds(1));
        assertThat(survivor.claim(WorkKind.READ_CSV, 1, LEASE).items()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        Claim retaken = survivor.claim(WorkKind.READ_CSV, 1, LEASE);

        assertThat(retaken.items()).extracting(WorkItem::subjectId, WorkItem::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("file-1", 2));
        assertThatThrownBy(() -> database.transaction(c -> {
            killed.holdAll(c, lost, LEASE);
            return null;
        })).isInstanceOf(LeaseLostException.class);
        database.transaction(c -> {
            killed.complete(c, lost);
            return null;
        });
        assertThat(survivor.size()).as("the old holder's completion removes nothing").isEqualTo(1);
    }

    @OnEachDatabase
    void workAskedForAgainWhileItRunsRunsAgain(Database database) {
        WorkQueue queue = new WorkQueue(database, clock, "one");
        database.transaction(c -> {
            queue.enqueue(c, WorkKind.REFRESH_BATCH, "batch-1", clock.instant());
            return null;
        });
        Claim running = queue.claim(WorkKind.REFRESH_BATCH, 1, LEASE);
        database.transaction(c -> {
            queue.enqueue(c, WorkKind.REFRESH_BATCH, "batch-1", clock.instant());
            return null;
        });
        database.transaction(c -> {
            queue.complete(c, running);
            return null;
        });

        Claim again = queue.claim(WorkKind.REFRESH_BATCH, 1, LEASE);
        assertThat(again.items()).extracting(WorkItem::subjectId).containsExactly("batch-1");
        database.transaction(c -> {
            queue.complete(c, again);
            return null;
        });
        assertThat(queue.size()).isZero();
    }

    @OnEachDatabase
    void enqueueKeepsTheEarlierTimeAndScheduleMovesIt(Database database) {
        WorkQueue queue = new WorkQueue(database, clock, "one");
        Instant now = clock.instant();
        database.transaction(c -> {
            queue.enqueue(c, WorkKind.REFRESH_BATCH, "b", now.plusSeconds(5));
            queue.enqueue(c, WorkKind.REFRESH_BATCH, "b", now.plusSeconds(50));
            queue.schedule(c, WorkKind.CLOSE_BATCH, "b", now.plusSeconds(5));
            queue.schedule(c, WorkKind.CLOSE_BATCH, "b", now.plusSeconds(50));
            return null;
        });
        clock.advance(Duration.ofSeconds(6));
        assertThat(queue.claim(WorkKind.REFRESH_BATCH, 1, LEASE).items()).hasSize(1);
        assertThat(queue.claim(WorkKind.CLOSE_BATCH, 1, LEASE).items()).isEmpty();
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void twoProcessesOnSqliteNeverClaimTheSameItem() throws Exception {
        try (TestDatabases.Disposable db = TestDatabases.sqlite()) {
            claimConcurrently(db.url());
        }
    }

    @Test
    void twoProcessesOnPostgresNeverClaimTheSameItem() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable");
        try (TestDatabases.Disposable db = TestDatabases.postgres()) {
            claimConcurrently(db.url());
        }
    }

    /** Two pools (as two server processes would have) claim 2,000 items in small bites from 8 threads. */
    private static void claimConcurrently(String url) throws Exception {
        int items = 2_000;
        try (Database first = Database.open(url, null, null); Database second = Database.open(url, null, null)) {
            WorkQueue seed = new WorkQueue(first, java.time.Clock.systemUTC(), "seed");
            first.transaction(c -> {
                for (int i = 0; i < items; i++) {
                    seed.enqueue(c, WorkKind.INGEST_CALL, "call-" + i, Instant.EPOCH);
                }
                return null;
            });
            Set<String> done = ConcurrentHashMap.newKeySet();
            List<String> doubled = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Database database = t % 2 == 0 ? first : second;
                WorkQueue queue = new WorkQueue(database, java.time.Clock.systemUTC(), "process-" + (t % 2));
                workers.add(threads.submit(() -> {
                    start.await();
                    for (Claim claim = queue.claim(WorkKind.INGEST_CALL, 7, LEASE); !claim.isEmpty()
                            || queue.size() > 0; claim = queue.claim(WorkKind.INGEST_CALL, 7, LEASE)) {
                        for (WorkItem item : claim.items()) {
                            if (!done.add(item.subjectId())) {
                                synchronized (doubled) {
                                    doubled.add(item.subjectId());
                                }
                            }
                        }
                        Claim finished = claim;
                        database.transaction(c -> {
                            queue.holdAll(c, finished, LEASE);
                            queue.complete(c, finished);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            threads.shutdown();
            assertThat(doubled).isEmpty();
            assertThat(done).hasSize(items);
            assertThat(new HashSet<>(done)).contains("call-0", "call-1999");
        }
    }
}
