package io.callport.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Every mapping a campaign ever had, numbered from 1; the highest number is the one in force. */
public final class FieldMappingRepository {
    private static final String COLUMNS = "campaign_id, version, mapping_json, created_at";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Keeps the columns of a campaign's sample file, replacing the previous sample's. */
    public MappingSample saveSample(String campaignId, List<String> header, boolean hasHeader) {
        MappingSample sample = new MappingSample(campaignId, header, hasHeader, clock.instant());
        database.transaction(c -> {
            Sql.update(c, "DELETE FROM mapping_samples WHERE campaign_id = ?", campaignId);
            return Sql.update(c, "INSERT INTO mapping_samples (campaign_id, header_json, has_header, uploaded_at) "
                    + "VALUES (?, ?, ?, ?)", campaignId, toJson(sample.header()), hasHeader, sample.uploadedAt());
        });
        return sample;
    }

    public Optional<MappingSample> sample(String campaignId) {
        return database.read(c -> Sql.one(c, "SELECT campaign_id, header_json, has_header, uploaded_at "
                + "FROM mapping_samples WHERE campaign_id = ?", row -> new MappingSample(row.getString("campaign_id"),
                fromJson(row.getString("header_json")), row.getBoolean("has_header"),
                Sql.instant(row, "uploaded_at")), campaignId));
    }

    private static String toJson(List<String> header) {
        try {
            return JSON.writeValueAsString(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always serialises", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored sample header is not a JSON list: " + json, e);
        }
    }

    private static FieldMappingVersion map(ResultSet row) throws SQLException {
        return new FieldMappingVersion(row.getString("campaign_id"), row.getInt("version"),
                row.getString("mapping_json"), Sql.instant(row, "created_at"));
    }
}
