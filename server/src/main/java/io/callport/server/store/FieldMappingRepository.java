package io.callport.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Every mapping a campaign ever had, numbered from 1; the highest number is the one in force. */
public final class FieldMappingRepository {
    private static final String COLUMNS = "campaign_id, version, mapping_json, created_at";

    private final Database database;
    private final Clock clock;

    FieldMappingRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores {@code mappingJson} as the campaign's next version and returns it. */
    public FieldMappingVersion save(String campaignId, String mappingJson) {
        return database.transaction(c -> {
            int next = Sql.one(c, "SELECT COALESCE(MAX(version), 0) AS latest FROM field_mappings WHERE campaign_id = ?",
                    row -> row.getInt("latest"), campaignId).orElse(0) + 1;
            FieldMappingVersion version = new FieldMappingVersion(campaignId, next, mappingJson, clock.instant());
            Sql.update(c, "INSERT INTO field_mappings (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                    campaignId, next, mappingJson, version.createdAt());
            return version;
        });
    }

    public Optional<FieldMappingVersion> current(String campaignId) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM field_mappings WHERE campaign_id = ? "
                + "ORDER BY version DESC LIMIT 1", FieldMappingRepository::map, campaignId));
    }

    public Optional<FieldMappingVersion> version(String campaignId, int version) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM field_mappings WHERE campaign_id = ? "
                + "AND version = ?", FieldMappingRepository::map, campaignId, version));
    }

    /** All versions, newest first. */
    public List<FieldMappingVersion> versions(String campaignId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM field_mappings WHERE campaign_id = ? "
                + "ORDER BY version DESC", FieldMappingRepository::map, campaignId));
    }

    private static FieldMappingVersion map(ResultSet row) throws SQLException {
        return new FieldMappingVersion(row.getString("campaign_id"), row.getInt("version"),
                row.getString("mapping_json"), Sql.instant(row, "created_at"));
    }
}
