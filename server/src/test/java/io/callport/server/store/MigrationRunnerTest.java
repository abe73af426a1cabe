package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class MigrationRunnerTest {

    @OnEachDatabase
    void migratingAnUpToDateDatabaseAppliesNothing(Database database) {
        MigrationRunner runner = new MigrationRunner(database);

        assertThat(runner.currentVersion()).isEqualTo(runner.load().getLast().version());
        assertThat(runner.migrate()).isZero();
    }

    @OnEachDatabase
    void aFailingMigrationIsRolledBackWholeAndLaterOnesWait(Database database) {
        MigrationRunner runner = new MigrationRunner(database, "db/migration-test");
        // V1 is already applied by the real migrations; V901 is new and fine; V902 fails on its second statement
        // (numbered far above the real migrations, so new real ones never overtake them)

        assertThatThrownBy(runner::migrate).hasMessageContaining("Migration V902 failed at: INSERT INTO no_such_table");

        assertThat(runner.currentVersion()).isEqualTo(901);
        assertThat(tableExists(database, "migration_probe")).isTrue();
        assertThat(tableExists(database, "half_done")).as("V902's first statement was rolled back").isFalse();
    }

    @Test
    void statementsEndAtASemicolonAtLineEndAndCommentsAreSkipped() {
        String sql = """
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x TEXT DEFAULT 'a;b'
                );

                INSERT INTO a VALUES ('1');
                """;

        assertThat(MigrationRunner.statements(sql)).containsExactly(
                "CREATE TABLE a (\n    x TEXT DEFAULT 'a;b'\n)", "INSERT INTO a VALUES ('1')");
    }

    private static boolean tableExists(Database database, String table) {
        return database.read(c -> {
            try (ResultSet rows = c.getMetaData().getTables(null, c.getSchema(), table, null)) {
                return rows.next();
            }
        });
    }
}
