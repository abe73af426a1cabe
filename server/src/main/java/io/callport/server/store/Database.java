package io.callport.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.callport.server.config.JdbcUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pooled connection to SQLite (embedded default) or PostgreSQL, with transaction helpers. */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long SQLite waits for another writer before giving up. */
    public static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final Dialect dialect;
    /**
     * SQLite lets one writer in at a time and makes the others retry in its busy handler, where under many
     * concurrent uploads an unlucky writer can lose every retry until the busy timeout. This process's writers queue
     * here in arrival order instead; the busy timeout is left for writers of other processes. (PostgreSQL's writers
     * lock rows, not the database: they need no queue.)
     */
    private final ReentrantLock sqliteWriters = new ReentrantLock(true);

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setPoolName("callport-db");
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        if (dialect == Dialect.SQLITE) {
            createParentFolder(url);
            hikari.setDriverClassName("org.sqlite.JDBC");
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT.toMillis()));
            hikari.addDataSourceProperty("foreign_keys", "true");
            // 32 MiB of pages per connection (SQLite keeps 2 MiB by default): the indexes a batch of a hundred
            // thousand calls touches stay in memory instead of being read back from the OS for every row
            hikari.addDataSourceProperty("cache_size", "-32768");
            // writers take the lock when the transaction begins, so busy_timeout applies instead of a deadlock error
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hikari.setMaximumPoolSize(4);
        } else {
            hikari.setDriverClassName("org.postgresql.Driver");
            hikari.setMaximumPoolSize(10);
        }
        try {
            HikariDataSource pool = new HikariDataSource(hikari);
            LOG.atInfo().addKeyValue("dialect", dialect).addKeyValue("url", JdbcUrls.redact(url))
                    .log("database opened");
            return new Database(pool, dialect);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the database at " + JdbcUrls.redact(url) + ": "
                    + rootMessage(e), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} with auto-commit on; for reads and single statements. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        boolean queued = dialect == Dialect.SQLITE;
        if (queued) {
            sqliteWriters.lock();
        }
        // the pool puts auto-commit back, and rolls back what was left open, when the connection returns
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                commit(connection);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(e, connection);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (queued) {
                sqliteWriters.unlock();
            }
        }
    }

    /**
     * Commits without starting another transaction: SQLite's driver follows commit() with a BEGIN, and when another
     * connection held the lock that BEGIN failed, so a committed transaction was reported as failed and its events
     * were never sent (64 of 1,000 calls in DatabaseOutageTest). On PostgreSQL, when the link fails after the COMMIT
     * was sent, the server is asked on another connection how the transaction ended, and a committed one is reported
     * as such; reported as failed, a call's completion committed that way was never announced (the likely cause of a
     * CI failure of DatabaseOutageTest).
     */
    private void commit(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.setAutoCommit(true);
            return;
        }
        Optional<Long> written = UnansweredCommit.transactionId(connection);
        try {
            connection.setAutoCommit(true);
        } catch (SQLException lost) {
            if (!UnansweredCommit.isLinkFailure(lost)) {
                throw lost;
            }
            // a transaction that wrote nothing ends the same either way
            if (written.isPresent() && !new UnansweredCommit(pool, written.get()).committed(lost)) {
                throw lost;
            }
            LOG.atWarn().addKeyValue("transaction", written.orElse(null)).addKeyValue("error", lost.getMessage())
                    .log("the answer to a commit was lost; the server committed it, or it wrote nothing");
        }
    }

    /** Rolls back; a failure to do so is added to {@code cause}, which stays the error reported. */
    private static void rollbackKeeping(Exception cause, Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    /** True when a connection can be taken and answers within two seconds. */
    public boolean isHealthy() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.atInfo().addKeyValue("dialect", dialect).log("database closed");
        }
    }

    private RuntimeException translate(SQLException e) {
        if (dialect.isConstraintViolation(e)) {
            return new DuplicateException(e.getMessage());
        }
        return new StoreException("Database error: " + e.getMessage(), e);
    }

    private static void createParentFolder(String url) {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the folder for the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
