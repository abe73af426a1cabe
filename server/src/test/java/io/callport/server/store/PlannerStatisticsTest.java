package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PlannerStatisticsTest {
    private static final int QUEUED = 5_000;

    @Test
    void aTableThatGrewIsAnalyzedOnceAndThePlannerKnowsItsSize() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                + TestDatabases.PG_URL_VARIABLE);
        try (TestDatabases.Disposable postgres = TestDatabases.postgres()) {
            Database database = postgres.database();
            PlannerStatistics statistics = new PlannerStatistics(database);
            WorkQueue queue = new WorkQueue(database, Clock.systemUTC(), "test");
            List<String> subjects = IntStream.range(0, QUEUED).mapToObj(i -> "call-" + i).toList();
            database.transaction(c -> {
                queue.enqueueAll(c, WorkKind.INGEST_CALL, subjects, Instant.now());
                return null;
            });

            assertThat(analyzedWithin(statistics, Duration.ofSeconds(15))).contains("work_items");
            assertThat(plannedRows(database, "work_items")).isEqualTo(QUEUED);
            assertThat(statistics.refresh()).as("nothing changed since").doesNotContain("work_items");
        }
    }

    @Test
    void sqliteNeedsNothing() {
        try (TestDatabases.Disposable sqlite = TestDatabases.sqlite()) {
            assertThat(new PlannerStatistics(sqlite.database()).refresh()).isEmpty();
        }
    }

    /** The changes reach PostgreSQL's statistics within a second or so of their commit: asks until they have. */
    private static List<String> analyzedWithin(PlannerStatistics statistics, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> analyzed = statistics.refresh();
        while (analyzed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            analyzed = statistics.refresh();
        }
        return analyzed;
    }

    private static long plannedRows(Database database, String table) {
        return database.read(c -> Sql.one(c, "SELECT reltuples::bigint AS n FROM pg_class "
                        + "WHERE oid = to_regclass(current_schema() || '.' || ?)", row -> row.getLong("n"), table))
                .orElseThrow();
    }
}
