package io.callport.server.store;

import io.callport.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

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
            Database database = migrated(url);
            return new Disposable() {
                public Database database() {
                    return database;
                }

                public String url() {
                    return url;
                }

                public void close() {
                    database.close();
                    deleteRecursively(folder);
                }
            };
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
        Database database = migrated(url);
        return new Disposable() {
            public Database database() {
                return database;
            }

            public String url() {
                return url;
            }

            public void close() {
                database.close();
                execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
            }
        };
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
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
