package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.config.ServerConfig;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.CallStatus;
import io.callport.server.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database and one data folder (its landing area and blob store) split a batch:
 * both watch and scan the folder at the same time and each file is recorded once; both take calls, and no call is taken
 * twice. Skipped when PostgreSQL is not reachable.
 */
class TwoServersOnPostgresTest {
    private static final int CALLS = 400;

    @TempDir
    Path dataDir;
    @TempDir
    Path staging;

    @Test
    void twoServersSplitABatchWithoutDoingAnyCallTwice() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                + TestDatabases.PG_URL_VARIABLE);
        try (TestDatabases.Disposable postgres = TestDatabases.postgres()) {
            ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0)
                    .withDatabase(postgres.url(), null, null);
            try (PipelineServer first = PipelineServer.start(config, PipelineServer.fast(), Clock.systemUTC());
                 PipelineServer second = PipelineServer.start(config, PipelineServer.fast(), Clock.systemUTC())) {
                Map<String, String> completedBy = new ConcurrentHashMap<>();
                Set<String> doubled = ConcurrentHashMap.newKeySet();
                follow(first, "first", completedBy, doubled);
                follow(second, "second", completedBy, doubled);
                first.agent("478", null, "Ann Lee");
                String campaign = first.campaign("Sales", true, 1);
                first.dropBatch(campaign, staging, CALLS);

                // both servers' folder watchers see the files arrive, and both scan the folder at the same time too
                CompletableFuture.allOf(CompletableFuture.supplyAsync(() -> scan(first)),
                        CompletableFuture.supplyAsync(() -> scan(second))).get();

                assertThat(first.awaitBatchesFinal(campaign, Duration.ofSeconds(90))).extracting(b -> b.status())
                        .containsOnly(BatchStatus.COMPLETED);
                assertThat(first.calls(campaign)).hasSize(CALLS)
                        .allSatisfy(call -> assertThat(call.status()).isEqualTo(CallStatus.COMPLETED));
                assertThat(doubled).isEmpty();
                assertThat(completedBy).hasSize(CALLS);
                assertThat(completedBy.values()).as("both servers took calls").contains("first", "second");
                try (Connection db = DriverManager.getConnection(postgres.url());
                     Statement statement = db.createStatement();
                     ResultSet versions = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT call_id) "
                             + "FROM call_versions")) {
                    versions.next();
                    assertThat(versions.getLong(1)).as("one version per call").isEqualTo(CALLS);
                    assertThat(versions.getLong(2)).isEqualTo(CALLS);
                    try (ResultSet files = statement.executeQuery("SELECT COUNT(*) FROM ingest_files")) {
                        files.next();
                        assertThat(files.getLong(1)).as("each file recorded once").isEqualTo(CALLS + 1);
                    }
                }
            }
        }
    }

    private static void follow(PipelineServer server, String name, Map<String, String> completedBy,
                               Set<String> doubled) {
        server.pipeline().events().subscribe(event -> event.type().equals(PipelineEvent.CALL)
                && event.status().equals(CallStatus.COMPLETED.name()), event -> {
                    if (completedBy.putIfAbsent(event.id(), name) != null) {
                        doubled.add(event.id());
                    }
                });
    }

    private static int scan(PipelineServer server) {
        try {
            return server.pipeline().scanNow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
