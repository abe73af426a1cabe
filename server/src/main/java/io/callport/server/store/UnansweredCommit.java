package io.callport.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL transaction whose COMMIT was sent and never answered: the link failed, and the server may or may not
 * have committed. Another connection asks the server how the transaction ended, again while it is still committing
 * or cannot be reached, for at most {@link #PATIENCE}.
 */
final class UnansweredCommit {
    static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final Duration ASK_EVERY = Duration.ofMillis(200);

    private final DataSource connections;
    private final long transactionId;

    UnansweredCommit(DataSource connections, long transactionId) {
        this.connections = connections;
        this.transactionId = transactionId;
    }

    /** The id of the open transaction on {@code connection}; empty when it has written nothing, so has none. */
    static Optional<Long> transactionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT txid_current_if_assigned()")) {
            row.next();
            long id = row.getLong(1);
            return row.wasNull() ? Optional.empty() : Optional.of(id);
        }
    }

    /** True for the SQL states of a broken connection (class 08), after which the server's side is unknown. */
    static boolean isLinkFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /**
     * True when the server committed the transaction, false when it rolled it back; {@code lost} is thrown, with the
     * last failure to ask attached, when neither could be learnt in time.
     */
    boolean committed(SQLException lost) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        SQLException lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<Boolean> outcome = ask();
                if (outcome.isPresent()) {
                    return outcome.get();
                }
            } catch (SQLException unreachable) {
                lastFailure = unreachable;
            }
            try {
                Thread.sleep(ASK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (lastFailure != null) {
            lost.addSuppressed(lastFailure);
        }
        throw lost;
    }

    /** The transaction's outcome, or empty while the server is still committing it. */
    private Optional<Boolean> ask() throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT txid_status(?)")) {
            statement.setLong(1, transactionId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return switch (String.valueOf(row.getString(1))) {
                    case "committed" -> Optional.of(true);
                    case "aborted" -> Optional.of(false);
                    default -> Optional.empty();
                };
            }
        }
    }
}
