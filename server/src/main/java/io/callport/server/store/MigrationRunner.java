package io.callport.server.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL files {@code db/migration/V<n>__<description>.sql} in version order, each once, each in its own
 * transaction, recording them in {@code schema_version}. Statements in a file end with a semicolon at the end of a
 * line; lines starting with {@code --} are comments. The files are written to run unchanged on SQLite and
 * PostgreSQL.
 */
public final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final String DEFAULT_LOCATION = "db/migration";

    private final Database database;
    private final String location;

    public MigrationRunner(Database database) {
        this(database, DEFAULT_LOCATION);
    }

    /** A runner reading its files from another classpath folder; tests use this. */
    public MigrationRunner(Database database, String location) {
        this.database = database;
        this.location = location;
    }

    public record Migration(int version, String description, String sql) {
    }

    /** Applies every migration newer than the database's version; returns how many it applied. */
    public int migrate() {
        List<Migration> migrations = load();
        database.transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        int current = currentVersion();
        int applied = 0;
        for (Migration migration : migrations) {
            if (migration.version() > current) {
                apply(migration);
                applied++;
            }
        }
        return applied;
    }

    public int currentVersion() {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private void apply(Migration migration) {
        database.transaction(connection -> {
            for (String sql : statements(migration.sql())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("Migration V" + migration.version() + " failed at: " + sql + " — "
                            + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
            record(connection, migration);
            return null;
        });
        LOG.atInfo().addKeyValue("version", migration.version()).addKeyValue("description", migration.description())
                .log("schema migrated");
    }

    private static void record(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** The migrations on the classpath, in version order; a repeated version is a packaging error. */
    public List<Migration> load() {
        URL folder = MigrationRunner.class.getClassLoader().getResource(location);
        if (folder == null) {
            throw new IllegalStateException("No migrations found at classpath:" + location);
        }
        try {
            URI uri = folder.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readFolder(jar.provider().getPath(uri));
                } catch (FileSystemAlreadyExistsException e) {
                    return readFolder(Path.of(uri));
                }
            }
            return readFolder(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations at classpath:" + location, e);
        }
    }

    private static List<Migration> readFolder(Path folder) throws IOException {
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Matcher matcher = FILE_NAME.matcher(name);
                if (!matcher.matches()) {
                    throw new IllegalStateException("Migration file " + name + " is not named V<n>__<description>.sql");
                }
                migrations.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw new IllegalStateException("Two migrations have version " + migrations.get(i).version());
            }
        }
        return migrations;
    }
}
