package io.callport.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.config.ServerConfig;
import io.callport.server.ingest.PipelineEvent;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Database;
import io.callport.server.store.TestDatabases;
import io.callport.testsupport.CuttingProxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for a while in the middle of a batch: SQLite locked by another connection for longer than
 * the server waits for a lock, PostgreSQL cut off (every connection reset, new ones refused) for a few seconds.
 * No call is announced as completed that the database does not hold; afterwards the pipeline goes on with all its
 * workers, and every call is completed exactly once.
 */
class DatabaseOutageTest {
    private static final int CALLS = 1_000;
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(4);

    @TempDir
    Path dataDir;
    @TempDir
    Path staging;
    private final Map<String, Integer> completions = new ConcurrentHashMap<>();
    private final CountDownLatch firstCompleted = new CountDownLatch(1);

    @Test
    void sqliteLockedByAnotherConnectionForLongerThanTheServerWaits() throws Exception {
        try (PipelineServer server = PipelineServer.start(dataDir)) {
            String campaign = startBatch(server);

            try (Connection other = DriverManager.getConnection(ServerConfig.sqliteUrl(dataDir));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                Thread.sleep(Database.SQLITE_BUSY_TIMEOUT.plusSeconds(3));
                assertNothingAnnouncedBeyondWhatIsStored(other);
                lock.execute("COMMIT");
            }

            assertEveryCallCompletedOnce(server, campaign, ServerConfig.sqliteUrl(dataDir));
        }
    }

    @Test
    void postgresCutOffForAFewSeconds() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                + TestDatabases.PG_URL_VARIABLE);
        try (TestDatabases.Disposable postgres = TestDatabases.postgres()) {
            URI direct = URI.create(postgres.url().substring("jdbc:".length()));
            try (CuttingProxy proxy = CuttingProxy.to(direct.getHost(), direct.getPort())) {
                String throughProxy = postgres.url().replace("//" + direct.getAuthority() + "/",
                        "//127.0.0.1:" + proxy.port() + "/");
                ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0)
                        .withDatabase(throughProxy, null, null);
                try (PipelineServer server = PipelineServer.start(config, PipelineServer.fast(), Clock.systemUTC())) {
                    String campaign = startBatch(server);

                    proxy.refuseNewConnections(true);
                    proxy.cut();
                    Thread.sleep(POSTGRES_OUTAGE);
                    try (Connection database = DriverManager.getConnection(postgres.url())) {
                        assertNothingAnnouncedBeyondWhatIsStored(database);
                    }
                    proxy.refuseNewConnections(false);

                    assertEveryCallCompletedOnce(server, campaign, postgres.url());
                }
            }
        }
    }

    /** Drops a batch, counts each call's completions, and returns once the first call is completed. */
    private String startBatch(PipelineServer server) throws Exception {
        server.pipeline().events().subscribe(event -> event.type().equals(PipelineEvent.CALL)
                && event.status().equals(CallStatus.COMPLETED.name()), event -> {
                    completions.merge(event.id(), 1, Integer::sum);
                    firstCompleted.countDown();
                });
        server.agent("478", null, "Ann Lee");
        String campaign = server.campaign("Sales", true, 1);
        server.dropBatch(campaign, staging, CALLS);
        server.pipeline().scanNow();
        assertThat(firstCompleted.await(2, TimeUnit.MINUTES)).as("the batch is being processed").isTrue();
        return campaign;
    }

    /**
     * At the end of the outage, while the server still cannot write: the batch is not done, and no call was announced
     * as completed that the database does not hold as completed. (Counting announcements from the start of the outage
     * would not do: those of work committed just before it may still be on their way.)
     */
    private void assertNothingAnnouncedBeyondWhatIsStored(Connection db) throws SQLException {
        long stored = count(db, "SELECT COUNT(*) FROM calls WHERE status = 'COMPLETED'");
        assertThat(stored).as("the outage came mid-batch").isLessThan(CALLS);
        assertThat((long) completions.size()).as("calls announced as completed").isLessThanOrEqualTo(stored);
    }

    private void assertEveryCallCompletedOnce(PipelineServer server, String campaign, String databaseUrl)
            throws SQLException {
        assertThat(server.awaitBatchesFinal(campaign, Duration.ofMinutes(3))).extracting(batch -> batch.status())
                .containsOnly(BatchStatus.COMPLETED);
        assertThat(completions).as("each call completed once").hasSize(CALLS).allSatisfy((call, times) ->
                assertThat(times).as(call).isEqualTo(1));
        try (Connection db = DriverManager.getConnection(databaseUrl)) {
            assertThat(count(db, "SELECT COUNT(*) FROM calls WHERE status = 'COMPLETED' AND version = 1"))
                    .isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM calls")).isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM call_versions")).as("one version per call").isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM ingest_files")).as("each file recorded once")
                    .isEqualTo(CALLS + 1);
        }
        // work that failed during the outage may still be waiting for its retry after the batches finished
        server.awaitNoWorkLeft(Duration.ofMinutes(2));
        assertThat(pipelineWorkers()).as("every pipeline worker is still running")
                .isEqualTo(PipelineServer.fast().workers());
    }

    private static long pipelineWorkers() {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream().filter(thread -> thread.isAlive()
                && thread.getName().matches("callport-pipeline-\\d+")).count();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
