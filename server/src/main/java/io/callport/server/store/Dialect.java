package io.callport.server.store;

import io.callport.server.config.JdbcUrls;

/** The two databases the schema runs on. Queries are written once for both; this names where they differ. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        if (JdbcUrls.isSqlite(jdbcUrl)) {
            return SQLITE;
        }
        if (JdbcUrls.isPostgres(jdbcUrl)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL: " + JdbcUrls.redact(jdbcUrl));
    }

    /** SQLSTATE class 23 or SQLite's constraint error: the row breaks a unique or foreign key rule. */
    public boolean isConstraintViolation(java.sql.SQLException e) {
        String state = e.getSQLState();
        return switch (this) {
            case POSTGRESQL -> state != null && state.startsWith("23");
            // sqlite-jdbc reports SQLITE_CONSTRAINT (19) and its extended codes in the low byte
            case SQLITE -> (e.getErrorCode() & 0xff) == 19;
        };
    }
}
