package io.callport.server.store;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics up with the pipeline's tables, which grow from nothing to hundreds of
 * thousands of rows within a minute or two. Autovacuum analyzes a table at most once a minute (its default naptime),
 * after a tenth of it changed; until then plans are made for tables that look nearly empty: in a 100,000-call batch
 * a work claim scanned every queued item for each 64 it took, and marking 64 calls as processing scanned every call
 * (seen with auto_explain). {@link #refresh} analyzes the tables that changed by more than a fifth since they were
 * last analyzed. SQLite plans without such statistics: nothing to do there.
 */
public final class PlannerStatistics {
    /** How often {@link #refresh} is worth calling while work flows. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    static final List<String> TABLES = List.of("work_items", "ingest_files", "calls", "call_versions", "csv_rows",
            "ingest_batches");
    /** Rows changed before a table is analyzed again: a fifth of its rows, and at least this many. */
    private static final int FEWEST_CHANGES = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

    private final Database database;

    public PlannerStatistics(Database database) {
        this.database = database;
    }

    /** Analyzes each pipeline table whose statistics lag its content; returns the tables analyzed. */
    public List<String> refresh() {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return List.of();
        }
        List<String> stale = database.read(c -> Sql.list(c, "SELECT relname FROM pg_stat_user_tables "
                        + "WHERE schemaname = current_schema() AND n_mod_since_analyze > GREATEST(?, n_live_tup / 5) "
                        + "AND relname IN (" + InLists.placeholders(TABLES.size()) + ")",
                row -> row.getString("relname"), InLists.with(FEWEST_CHANGES, TABLES)));
        for (String table : stale) {
            long started = System.nanoTime();
            // the names come from TABLES, never from input
            database.read(c -> Sql.update(c, "ANALYZE " + table));
            LOG.atDebug().addKeyValue("table", table)
                    .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log("planner statistics refreshed");
        }
        return stale;
    }
}
