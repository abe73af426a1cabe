package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the pipeline's tables hold, read with plain SQL from outside the server (SQLite or PostgreSQL), so a test
 * can check a server it kills without trusting any of its code.
 */
final class IngestLedger {
    private final Connection db;

    IngestLedger(Connection db) {
        this.db = db;
    }

    /** Files recorded, CSV rows recorded and calls completed so far. */
    record Progress(long files, long rows, long completedCalls) {
        long sum() {
            return files + rows + completedCalls;
        }
    }

    Progress progress() throws SQLException {
        return new Progress(count("SELECT COUNT(*) FROM ingest_files"), count("SELECT COUNT(*) FROM csv_rows"),
                count("SELECT COUNT(*) FROM calls WHERE status = 'COMPLETED'"));
    }

    /**
     * Nothing was done twice: each file recorded once, each call ingested once (one version), and every row read so
     * far has one outcome: completed with its call, waiting, or failed with a reason.
     */
    void assertNothingDoubled() throws SQLException {
        assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT name) FROM ingest_files")).as("files recorded twice")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM call_versions WHERE version <> 1")).as("calls ingested twice")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM calls WHERE version <> (SELECT COUNT(*) FROM call_versions v "
                + "WHERE v.call_id = calls.id)")).as("calls whose version does not match their kept versions").isZero();
        assertThat(count("SELECT COUNT(*) FROM calls WHERE status = 'COMPLETED' AND version <> 1"))
                .as("completed calls without exactly one version").isZero();
        assertThat(count("SELECT COUNT(*) FROM csv_rows r LEFT JOIN calls c ON c.id = r.call_id WHERE NOT ("
                + "(r.outcome = 'COMPLETED' AND c.status = 'COMPLETED') OR r.outcome = 'WAITING' "
                + "OR (r.outcome = 'FAILED' AND r.reason IS NOT NULL))")).as("rows without a valid outcome").isZero();
    }

    /** The first column of every row the query gives, as text. */
    List<String> texts(String sql) throws SQLException {
        List<String> texts = new java.util.ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
