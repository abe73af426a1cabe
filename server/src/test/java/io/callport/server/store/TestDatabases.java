package io.callport.server.store;

import io.callport.server.TestFolders;
import io.callport.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Fresh, migrated databases for tests: SQLite in a temporary folder always, PostgreSQL in a schema of its own
 * when {@code CALLPORT_TEST_PG_URL} names a server that answers.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "CALLPORT_TEST_PG_URL";
    private static Boolean postgresReachable;

    private TestDatabases() {
    }

    /** A database that deletes itself (file or schema) when closed. */
    public interface Disposable extends AutoCloseable {
        Database database();

        /** The JDBC URL, for starting a whole server on the same database. */
        String url();

        @Override
        void close();
    }

    public static synchronized boolean postgresAvailable() {
        if (postgresReachable == null) {
            String url = System.getenv(PG_URL_VARIABLE);
            if (url == null || url.isBlank()) {
                postgresReachable = false;
            } else {
                DriverManager.setLoginTimeout(3);
                try (Connection ignored = DriverManager.getConnection(url)) {
                    postgresReachable = true;
                } catch (SQLException e) {
                    postgresReachable = false;
                }
            }
        }
        return postgresReachable;
    }

    public static Disposable sqlite() {
        try {
            Path folder = Files.createTempDirectory("callport-store-test");
            String url = ServerConfig.sqliteUrl(folder);
            return new Migrated(migrated(url), url, () -> deleteRecursively(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL database in a new schema; call only when {@link #postgresAvailable()}. */
    public static Disposable postgres() {
        String baseUrl = System.getenv(PG_URL_VARIABLE);
        String schema = "test_" + RandomText.lowercase(12).toLowerCase(Locale.ROOT);
        execute(baseUrl, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Migrated(migrated(url), url, () -> execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** @param removeStorage deletes what holds the data once the database is closed: its folder or schema */
    private record Migrated(Database database, String url, Runnable removeStorage) implements Disposable {
        @Override
        public void close() {
            database.close();
            removeStorage.run();
        }
    }

    private static Database migrated(String url) {
        Database database = Database.open(url, null, null);
        new MigrationRunner(database).migrate();
        return database;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try {
            TestFolders.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
