package io.callport.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGStatement;

/** The few JDBC moves the repositories repeat: bind parameters, map rows, read nullable columns. */
public final class Sql {
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return rows(statement, mapper);
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> rows = list(connection, sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Like {@link #list}, planned by PostgreSQL for these values at every run. A statement run five times is
     * otherwise planned once for any value, and over the pipeline's skewed data (one campaign, or one status, can be
     * every row) such a plan scanned a whole table where the values' plan reads a few rows (seen with auto_explain
     * in a 100,000-call batch). Planning every statement for its values cost more than it saved on small batches,
     * so only the statements that need it ask.
     */
    public static <T> List<T> listPlannedForValues(Connection connection, String sql, RowMapper<T> mapper,
                                                   Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepareForValues(connection, sql, parameters)) {
            return rows(statement, mapper);
        }
    }

    /** Like {@link #update}, planned for these values at every run (see {@link #listPlannedForValues}). */
    public static int updatePlannedForValues(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepareForValues(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs one statement for each parameter list, sent to the database together; returns the rows each changed. */
    static int[] batch(Connection connection, String sql, List<Object[]> parameterLists) throws SQLException {
        if (parameterLists.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private static <T> List<T> rows(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    /** A statement PostgreSQL's driver never prepares on the server, so the server plans it with the values bound. */
    private static PreparedStatement prepareForValues(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = prepare(connection, sql, parameters);
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /** Binds Java values the way the schema stores them: instants as epoch milliseconds, enums by name. */
    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case Instant instant -> statement.setLong(index, instant.toEpochMilli());
                case Enum<?> constant -> statement.setString(index, constant.name());
                case Boolean flag -> statement.setBoolean(index, flag);
                case Integer number -> statement.setInt(index, number);
                case Long number -> statement.setLong(index, number);
                case String text -> statement.setString(index, text);
                default -> throw new IllegalArgumentException("Cannot bind " + parameters[i].getClass());
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
