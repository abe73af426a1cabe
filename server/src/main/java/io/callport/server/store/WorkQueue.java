package io.callport.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's work, shared by every server process on the database. Claiming is one conditional UPDATE that
 * only takes items nobody holds or whose lease ran out, so on SQLite and PostgreSQL alike two processes never
 * hold the same item; a process killed while holding items loses them when their lease ends, and another
 * process (or itself, restarted) claims them again.
 *
 * <p>Every transaction that acts on claimed work first {@linkplain #hold holds} the claim: it renews the lease and
 * learns which items are still its own. On PostgreSQL the renewal locks those rows until the transaction ends,
 * so a claim cannot be stolen halfway through the work it guards.
 */
public final class WorkQueue {
    private static final String COLUMNS = "id, kind, subject_id, attempts, requests, last_error";
    private static final AtomicLong CLAIMS = new AtomicLong();
    /** The earlier time, unless the work is running: then the new request runs again at its own time. */
    private static final String EARLIER = "CASE WHEN work_items.claimed_by IS NOT NULL THEN excluded.run_after "
            + "WHEN work_items.run_after < excluded.run_after THEN work_items.run_after ELSE excluded.run_after END";

    private final Database database;
    private final Clock clock;
    private final String worker;
    private final String skipLocked;

    /**
     * @param worker names this server process in the claims it makes (host, process id and a random part)
     */
    public WorkQueue(Database database, Clock clock, String worker) {
        this.database = database;
        this.clock = clock;
        this.worker = worker;
        this.skipLocked = database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /**
     * Queues work to run no later than {@code runAfter}; work already queued for the subject keeps the earlier time,
     * and work running now runs again at {@code runAfter}.
     */
    public void enqueue(Connection connection, WorkKind kind, String subjectId, Instant runAfter) throws SQLException {
        upsert(connection, kind, subjectId, runAfter, EARLIER);
    }

    /** Queues work to run at {@code runAfter}, moving work already queued for the subject to that time. */
    public void schedule(Connection connection, WorkKind kind, String subjectId, Instant runAfter)
            throws SQLException {
        upsert(connection, kind, subjectId, runAfter, "excluded.run_after");
    }

    /** Queues the same kind of work for many subjects at once (see {@link #enqueue}). */
    public void enqueueAll(Connection connection, WorkKind kind, List<String> subjectIds, Instant runAfter)
            throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "INSERT INTO work_items (id, kind, subject_id, run_after, requests, attempts, created_at) "
                        + "VALUES (?, ?, ?, ?, 1, 0, ?) ON CONFLICT (kind, subject_id) DO UPDATE SET run_after = "
                        + EARLIER + ", requests = work_items.requests + 1",
                subjectIds.stream().map(id -> new Object[] {Ids.ordered("wrk"), kind, id, runAfter, now}).toList());
    }

    /**
     * Work asked for again while it is being done is done again: the request count goes up, so completing the
     * claim that saw the earlier count releases the item instead of removing it.
     */
    private void upsert(Connection connection, WorkKind kind, String subjectId, Instant runAfter, String runAfterRule)
            throws SQLException {
        Sql.update(connection, "INSERT INTO work_items (id, kind, subject_id, run_after, requests, attempts, "
                        + "created_at) VALUES (?, ?, ?, ?, 1, 0, ?) ON CONFLICT (kind, subject_id) DO UPDATE SET "
                        + "run_after = " + runAfterRule + ", requests = work_items.requests + 1",
                Ids.ordered("wrk"), kind, subjectId, runAfter, clock.instant());
    }

    /**
     * Brings work queued for the subject forward to {@code runAfter} if it was due later, and asks for it again (so
     * a claim of it now running is run once more); nothing when none is queued.
     */
    public void hurry(Connection connection, WorkKind kind, String subjectId, Instant runAfter) throws SQLException {
        Sql.update(connection, "UPDATE work_items SET run_after = CASE WHEN run_after > ? THEN ? ELSE run_after END, "
                + "requests = requests + 1 WHERE kind = ? AND subject_id = ?", runAfter, runAfter, kind, subjectId);
    }

    /** Whether any work of the kind is queued, due or not, claimed or not. */
    public boolean hasAny(Connection connection, WorkKind kind) throws SQLException {
        return Sql.one(connection, "SELECT 1 FROM work_items WHERE kind = ? LIMIT 1", row -> true, kind).isPresent();
    }

    /** Whether work of the kind is queued for the subject, due or not, claimed or not. */
    public boolean isQueued(Connection connection, WorkKind kind, String subjectId) throws SQLException {
        return Sql.one(connection, "SELECT 1 FROM work_items WHERE kind = ? AND subject_id = ?", row -> true, kind,
                subjectId).isPresent();
    }

    /**
     * Whether an item of the kind is due and free to claim; a read, so idle workers look without locking. In the
     * claim's order, so that it walks the claim's index from its start: without an order PostgreSQL often expected a
     * due item early in the table and read all of it when there was none (3 ms a look at 70,000 queued items).
     */
    public boolean hasDue(WorkKind kind) {
        Instant now = clock.instant();
        return database.read(c -> Sql.one(c, "SELECT 1 FROM work_items WHERE kind = ? AND run_after <= ? "
                + "AND (claimed_by IS NULL OR lease_until < ?) ORDER BY run_after, id LIMIT 1", row -> true,
                kind, now, now)).isPresent();
    }

    /** Claims up to {@code max} items of a kind that are due, for {@code lease}; an empty claim when none are. */
    public Claim claim(WorkKind kind, int max, Duration lease) {
        String token = worker + "/" + CLAIMS.incrementAndGet();
        Instant now = clock.instant();
        List<WorkItem> items = database.transaction(c -> {
            // The condition is checked again on each row updated, so an item another process claimed meanwhile is
            // not taken; PostgreSQL skips rows other claims are locking instead of waiting (and deadlocking) on them.
            // The items are picked in a CTE, which runs once: picked in "WHERE id IN (...)", PostgreSQL spent over
            // five minutes on one claim from a queue of 100,000 items.
            Sql.updatePlannedForValues(c, "WITH picked AS (SELECT id FROM work_items WHERE kind = ? AND run_after <= ? "
                            + "AND (claimed_by IS NULL OR lease_until < ?) ORDER BY run_after, id LIMIT ?" + skipLocked
                            + ") UPDATE work_items SET claimed_by = ?, lease_until = ?, attempts = attempts + 1 "
                            + "FROM picked WHERE work_items.id = picked.id "
                            + "AND (work_items.claimed_by IS NULL OR work_items.lease_until < ?)",
                    kind, now, now, max, token, now.plus(lease), now);
            return Sql.list(c, "SELECT " + COLUMNS + " FROM work_items WHERE claimed_by = ? ORDER BY run_after, id",
                    WorkQueue::map, token);
        });
        return new Claim(token, items);
    }

    /**
     * Renews the claim's lease inside the caller's transaction and returns the ids still held; a lease that ran
     * out may have gone to another worker. Call it first in every transaction acting on the claim.
     */
    public List<String> hold(Connection connection, Claim claim, Duration lease) throws SQLException {
        Sql.update(connection, "UPDATE work_items SET lease_until = ? WHERE claimed_by = ?",
                clock.instant().plus(lease), claim.token());
        return Sql.list(connection, "SELECT id FROM work_items WHERE claimed_by = ?", row -> row.getString("id"),
                claim.token());
    }

    /** Like {@link #hold} for a claim that must be held whole; throws {@link LeaseLostException} otherwise. */
    public void holdAll(Connection connection, Claim claim, Duration lease) throws SQLException {
        int held = hold(connection, claim, lease).size();
        if (held != claim.items().size()) {
            throw new LeaseLostException("Work " + claim.token() + " holds " + held + " of its "
                    + claim.items().size() + " items; another worker took the rest.");
        }
    }

    /** Ends the claim's items as done, except those asked for again since they were claimed, which are released. */
    public void complete(Connection connection, Claim claim) throws SQLException {
        complete(connection, claim, claim.items());
    }

    /** Ends some items of the claim as done (same rule as {@link #complete(Connection, Claim)}). */
    public void complete(Connection connection, Claim claim, List<WorkItem> items) throws SQLException {
        int[] deleted = Sql.batch(connection, "DELETE FROM work_items WHERE id = ? AND claimed_by = ? AND requests = ?",
                items.stream().map(item -> new Object[] {item.id(), claim.token(), item.requests()}).toList());
        List<Object[]> askedAgain = new java.util.ArrayList<>();
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i] == 0) {
                askedAgain.add(new Object[] {items.get(i).id(), claim.token()});
            }
        }
        Sql.batch(connection, "UPDATE work_items SET claimed_by = NULL, lease_until = NULL, attempts = 0 "
                + "WHERE id = ? AND claimed_by = ?", askedAgain);
    }

    /** Removes one item of the claim whatever was asked since: its subject was given up on. */
    public void remove(Connection connection, Claim claim, WorkItem item) throws SQLException {
        Sql.update(connection, "DELETE FROM work_items WHERE id = ? AND claimed_by = ?", item.id(), claim.token());
    }

    /** Gives the claim's items back to the queue as they are, to be claimed at once. */
    public void release(Connection connection, Claim claim) throws SQLException {
        Sql.update(connection, "UPDATE work_items SET claimed_by = NULL, lease_until = NULL, attempts = 0 "
                + "WHERE claimed_by = ?", claim.token());
    }

    /** Gives the claim's items back to the queue, to run again at {@code runAfter}; keeps the attempt count. */
    public void retryLater(Claim claim, Instant runAfter, String error) {
        database.transaction(c -> Sql.update(c, "UPDATE work_items SET claimed_by = NULL, lease_until = NULL, "
                        + "run_after = ?, last_error = ? WHERE claimed_by = ?", runAfter, shorten(error),
                claim.token()));
    }

    /**
     * Keeps the claim's items queued but puts them back to {@code runAfter}, as not yet due; an item asked for again
     * while claimed keeps the time that request gave it, as what it waited for may have come.
     */
    public void postpone(Connection connection, Claim claim, Instant runAfter) throws SQLException {
        Sql.batch(connection, "UPDATE work_items SET claimed_by = NULL, lease_until = NULL, attempts = 0, "
                + "run_after = CASE WHEN requests = ? THEN ? ELSE run_after END WHERE id = ? AND claimed_by = ?",
                claim.items().stream().map(item -> new Object[] {item.requests(), runAfter, item.id(), claim.token()})
                        .toList());
    }

    /** Removes queued work for the subjects, claimed or not (a cancelled batch's calls). */
    public void cancel(Connection connection, WorkKind kind, List<String> subjectIds) throws SQLException {
        for (List<String> part : InLists.partition(subjectIds)) {
            Sql.update(connection, "DELETE FROM work_items WHERE kind = ? AND subject_id IN ("
                    + InLists.placeholders(part.size()) + ")", InLists.with(kind, part));
        }
    }

    /** When the earliest unclaimed item of these kinds falls due, or empty when none is queued. */
    public Optional<Instant> nextDue(Collection<WorkKind> kinds) {
        return database.read(c -> Sql.one(c, "SELECT run_after FROM work_items WHERE claimed_by IS NULL AND kind IN ("
                + InLists.placeholders(kinds.size()) + ") ORDER BY run_after LIMIT 1",
                row -> Sql.instant(row, "run_after"), kinds.toArray()));
    }

    /** How many items are queued, claimed or not; for tests and metrics. */
    public long size() {
        return database.read(c -> Sql.one(c, "SELECT COUNT(*) AS n FROM work_items", row -> row.getLong("n")))
                .orElse(0L);
    }

    public String worker() {
        return worker;
    }

    private static String shorten(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private static WorkItem map(java.sql.ResultSet row) throws SQLException {
        return new WorkItem(row.getString("id"), WorkKind.valueOf(row.getString("kind")), row.getString("subject_id"),
                row.getInt("attempts"), row.getInt("requests"), row.getString("last_error"));
    }
}
