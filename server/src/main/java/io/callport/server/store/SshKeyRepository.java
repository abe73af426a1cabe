package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** SSH keys and their SFTP usernames ({@code cp-<organisation slug>-<6 characters>}), both unique server-wide. */
public final class SshKeyRepository {
    private static final String COLUMNS = "id, org_id, campaign_id, sftp_username, public_key, fingerprint, "
            + "algorithm, bits, comment, created_at";
    private static final int MAX_SLUG_IN_USERNAME = 20;

    private final Database database;
    private final Clock clock;

    SshKeyRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Registers a key; a key already registered anywhere is a {@link DuplicateException}. */
    public SshKeyRecord create(Organisation organisation, String campaignId, SshKeyMaterial key) {
        return database.transaction(connection -> {
            if (findBy(connection, "fingerprint", key.fingerprint()).isPresent()) {
                throw new DuplicateException("This SSH key (" + key.fingerprint() + ") is already registered. "
                        + "Generate a new key for each SFTP account.");
            }
            String username = freeUsername(connection, organisation.slug());
            SshKeyRecord record = new SshKeyRecord(Ids.next("ssh"), organisation.id(), campaignId, username, key,
                    clock.instant());
            Sql.update(connection, "INSERT INTO ssh_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    record.id(), record.orgId(), campaignId, username, key.publicKey(), key.fingerprint(),
                    key.algorithm(), key.bits(), key.comment(), record.createdAt());
            return record;
        });
    }

    public List<SshKeyRecord> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM ssh_keys WHERE org_id = ? "
                + "ORDER BY created_at, id", SshKeyRepository::map, orgId));
    }

    public Optional<SshKeyRecord> find(String orgId, String id) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM ssh_keys WHERE org_id = ? AND id = ?",
                SshKeyRepository::map, orgId, id));
    }

    /** Removes a key of the organisation, closing its SFTP account; false when there is no such key. */
    public boolean delete(String orgId, String id) {
        return database.transaction(c -> Sql.update(c, "DELETE FROM ssh_keys WHERE org_id = ? AND id = ?", orgId, id))
                > 0;
    }

    /** The key with this {@code SHA256:...} fingerprint, for SFTP public-key login. */
    public Optional<SshKeyRecord> findSshKeyByFingerprint(String fingerprint) {
        return database.read(c -> findBy(c, "fingerprint", fingerprint));
    }

    /** The key of this SFTP account, for SFTP login by username. */
    public Optional<SshKeyRecord> findSshKeyByUsername(String sftpUsername) {
        return database.read(c -> findBy(c, "sftp_username", sftpUsername));
    }

    private static Optional<SshKeyRecord> findBy(Connection connection, String column, String value)
            throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM ssh_keys WHERE " + column + " = ?",
                SshKeyRepository::map, value);
    }

    private static String freeUsername(Connection connection, String orgSlug) throws SQLException {
        String slug = orgSlug.length() > MAX_SLUG_IN_USERNAME
                ? orgSlug.substring(0, MAX_SLUG_IN_USERNAME).replaceAll("-+$", "") : orgSlug;
        while (true) {
            String username = "cp-" + slug + "-" + RandomText.lowercase(6);
            if (findBy(connection, "sftp_username", username).isEmpty()) {
                return username;
            }
        }
    }

    private static SshKeyRecord map(ResultSet row) throws SQLException {
        SshKeyMaterial key = new SshKeyMaterial(row.getString("public_key"), row.getString("fingerprint"),
                row.getString("algorithm"), row.getInt("bits"), row.getString("comment"));
        return new SshKeyRecord(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                row.getString("sftp_username"), key, Sql.instant(row, "created_at"));
    }
}
