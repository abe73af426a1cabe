package io.callport.server.store;

import io.callport.server.auth.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by the SHA-256 of their secret; callers hash, this class never sees a secret. */
public final class ApiKeyRepository {
    private static final String COLUMNS =
            "id, org_id, campaign_id, name, role, prefix, created_at, last_used_at, revoked_at";

    private final Database database;
    private final Clock clock;

    ApiKeyRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public ApiKeyRecord create(String orgId, String campaignId, String name, Role role, String prefix,
                               String secretSha256) {
        ApiKeyRecord key = new ApiKeyRecord(Ids.next("key"), orgId, campaignId, name, role, prefix, clock.instant(),
                null, null);
        database.transaction(c -> Sql.update(c, "INSERT INTO api_keys (id, org_id, campaign_id, name, role, prefix, "
                        + "secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                key.id(), orgId, campaignId, name, role, prefix, secretSha256, key.createdAt()));
        return key;
    }

    /** The key whose secret hashes to {@code secretSha256}, revoked or not; the caller decides what revoked means. */
    public Optional<ApiKeyRecord> findBySecretHash(String secretSha256) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM api_keys WHERE secret_sha256 = ?",
                ApiKeyRepository::map, secretSha256));
    }

    public Optional<ApiKeyRecord> find(String orgId, String id) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM api_keys WHERE org_id = ? AND id = ?",
                ApiKeyRepository::map, orgId, id));
    }

    public List<ApiKeyRecord> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM api_keys WHERE org_id = ? "
                + "ORDER BY created_at, id", ApiKeyRepository::map, orgId));
    }

    /** Revokes a key of the organisation; false when there is no such key. Revoking twice keeps the first time. */
    public boolean revoke(String orgId, String id) {
        return database.transaction(c -> {
            Sql.update(c, "UPDATE api_keys SET revoked_at = ? WHERE org_id = ? AND id = ? AND revoked_at IS NULL",
                    clock.instant(), orgId, id);
            return Sql.one(c, "SELECT 1 FROM api_keys WHERE org_id = ? AND id = ?", row -> true, orgId, id)
                    .isPresent();
        });
    }

    /** True when the server has no API key at all, in any organisation: the first start. */
    public boolean noneExist() {
        return database.read(c -> Sql.one(c, "SELECT 1 FROM api_keys LIMIT 1", row -> true).isEmpty());
    }

    public void recordUse(String id, Instant when) {
        database.transaction(c -> Sql.update(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ?", when, id));
    }

    private static ApiKeyRecord map(ResultSet row) throws SQLException {
        return new ApiKeyRecord(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                row.getString("name"), Role.valueOf(row.getString("role")), row.getString("prefix"),
                Sql.instant(row, "created_at"), Sql.instant(row, "last_used_at"), Sql.instant(row, "revoked_at"));
    }
}
