package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.testsupport.CuttingProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL over a link that fails at the worst moment: the COMMIT reached the server, and its answer never came
 * back. The transaction is reported as it ended on the server, so work that was committed is not done again, and its
 * events are not lost.
 */
class UnansweredCommitTest {
    private TestDatabases.Disposable postgres;
    private CuttingProxy proxy;
    private Database throughProxy;

    @BeforeEach
    void connectThroughAProxy() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL is not reachable: set "
                + TestDatabases.PG_URL_VARIABLE);
        postgres = TestDatabases.postgres();
        URI direct = URI.create(postgres.url().substring("jdbc:".length()));
        proxy = CuttingProxy.to(direct.getHost(), direct.getPort());
        throughProxy = Database.open(postgres.url().replace("//" + direct.getAuthority() + "/",
                "//127.0.0.1:" + proxy.port() + "/"), null, null);
        execute("CREATE TABLE notes (text TEXT NOT NULL)");
    }

    @AfterEach
    void close() {
        if (throughProxy != null) {
            throughProxy.close();
            proxy.close();
            postgres.close();
        }
    }

    @Test
    void aCommitWhoseAnswerIsLostIsReportedAsCommitted() throws Exception {
        String result = throughProxy.transaction(connection -> {
            insertNote(connection);
            proxy.cutBeforeReplyTo("COMMIT");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(proxy.cuts()).as("the answer to COMMIT was cut off").isEqualTo(1);
        assertThat(notesStored()).isEqualTo(1);
    }

    @Test
    void aTransactionCutBeforeItsCommitIsReportedAsFailed() throws Exception {
        assertThatThrownBy(() -> throughProxy.transaction(connection -> {
            insertNote(connection);
            proxy.cut();
            return "done";
        })).isInstanceOf(StoreException.class);

        assertThat(notesStored()).isZero();
    }

    @Test
    void aReadOnlyTransactionWhoseCommitIsLostReturnsWhatItRead() {
        long read = throughProxy.transaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
                rows.next();
                proxy.cutBeforeReplyTo("COMMIT");
                return rows.getLong(1);
            }
        });

        assertThat(read).as("nothing was written, so the commit's outcome changes nothing").isZero();
        assertThat(proxy.cuts()).isEqualTo(1);
    }

    private static void insertNote(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO notes VALUES ('kept once')");
        }
    }

    private long notesStored() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
