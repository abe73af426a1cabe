package io.callport.server.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.DuplicateException;
import io.callport.server.store.Ids;
import io.callport.server.store.InvalidValueException;
import io.callport.server.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pull connectors, always looked up within their organisation. Credentials go in encrypted and come out only through
 * {@link #credentials}, which the runner uses; nothing the API reads carries them.
 */
public final class PullConnectorRepository {
    private static final String COLUMNS = "p.id, p.org_id, p.campaign_id, o.slug AS org_folder, "
            + "c.folder AS campaign_folder, p.name, "
            + "p.settings_json, p.pinned_fingerprint, p.default_credentials, p.enabled, p.last_run_at, "
            + "p.last_success_at, p.failure, p.failure_message, p.offered_fingerprint, p.consecutive_failures, p.next_run_at, p.created_at, p.updated_at";
    private static final String FROM = " FROM pull_connectors p JOIN campaigns c ON c.id = p.campaign_id "
            + "JOIN organisations o ON o.id = p.org_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final CredentialCipher cipher;

    public PullConnectorRepository(Database database, Clock clock, CredentialCipher cipher) {
        this.database = database;
        this.clock = Clock.tick(clock, Duration.ofMillis(1));
        this.cipher = cipher;
    }

    /** Adds an enabled connector to a campaign of the organisation. */
    public PullConnector create(String orgId, String campaignId, ConnectorSettings settings, Credentials credentials) {
        settings.site().requireUsable(credentials);
        return database.transaction(c -> {
            requireCampaign(c, orgId, campaignId);
            requireFreeName(c, orgId, settings.name(), null);
            String id = Ids.next("pull");
            Instant now = clock.instant();
            Sql.update(c, "INSERT INTO pull_connectors (id, org_id, campaign_id, name, protocol, settings_json, "
                            + "credentials_encrypted, pinned_fingerprint, default_credentials, enabled, "
                            + "consecutive_failures, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0, ?, "
                            + "?)",
                    id, orgId, campaignId, settings.name(), protocol(settings.site()), SettingsJson.write(settings),
                    encrypt(id, credentials), credentials.equals(Credentials.none()), true, now, now);
            return find(c, orgId, id).orElseThrow();
        });
    }

    /**
     * Replaces a connector's settings, and its credentials unless {@code credentials} is null ({@link Credentials#none()}
     * drops the stored ones, for S3 on the default credential chain). Pointing it at another
     * server drops the pinned fingerprint (the new server's is pinned on first connection). Empty when there is no
     * such connector.
     */
    public Optional<PullConnector> update(String orgId, String id, ConnectorSettings settings,
                                          Credentials credentials) {
        return database.transaction(c -> {
            Optional<PullConnector> existing = find(c, orgId, id);
            if (existing.isEmpty()) {
                return Optional.<PullConnector>empty();
            }
            requireFreeName(c, orgId, settings.name(), id);
            Credentials effective = credentials != null ? credentials : decrypt(c, id);
            settings.site().requireUsable(effective);
            boolean sameServer = sameServer(existing.get().settings().site(), settings.site());
            Sql.update(c, "UPDATE pull_connectors SET name = ?, protocol = ?, settings_json = ?, "
                            + "credentials_encrypted = ?, default_credentials = ?, pinned_fingerprint = ?, updated_at = ? "
                            + "WHERE id = ?",
                    settings.name(), protocol(settings.site()), SettingsJson.write(settings), encrypt(id, effective),
                    effective.equals(Credentials.none()), sameServer ? existing.get().pinnedFingerprint() : null,
                    clock.instant(), id);
            return find(c, orgId, id);
        });
    }

    public Optional<PullConnector> find(String orgId, String id) {
        return database.read(c -> find(c, orgId, id));
    }

    public List<PullConnector> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + FROM + " WHERE p.org_id = ? "
                + "ORDER BY p.created_at, p.id", PullConnectorRepository::map, orgId));
    }

    public List<PullConnector> listForCampaign(String orgId, String campaignId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + FROM + " WHERE p.org_id = ? "
                + "AND p.campaign_id = ? ORDER BY p.created_at, p.id", PullConnectorRepository::map, orgId, campaignId));
    }

    /** Every enabled connector of every organisation, for the scheduler. */
    public List<PullConnector> listEnabled() {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + FROM + " WHERE p.enabled = ? "
                + "ORDER BY p.created_at, p.id", PullConnectorRepository::map, true));
    }

    public boolean setEnabled(String orgId, String id, boolean enabled) {
        return database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET enabled = ?, updated_at = ? "
                + "WHERE org_id = ? AND id = ?", enabled, clock.instant(), orgId, id)) > 0;
    }

    /**
     * Accepts a new host key or certificate after the customer confirmed the change: pins {@code fingerprint} (as the
     * connector's status offered it) and clears the error so the next run proceeds.
     */
    public boolean confirmFingerprint(String orgId, String id, String fingerprint) {
        if (fingerprint == null || !fingerprint.startsWith("SHA256:")) {
            throw new InvalidValueException("A fingerprint starts with SHA256:, as the connector's status offers it; "
                    + "not '" + fingerprint + "'.");
        }
        return database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET pinned_fingerprint = ?, "
                        + "failure = NULL, failure_message = NULL, offered_fingerprint = NULL, consecutive_failures = 0, "
                        + "updated_at = ? "
                        + "WHERE org_id = ? AND id = ?", fingerprint.strip(), clock.instant(), orgId, id)) > 0;
    }

    /** Removes the connector and what it remembers; files already delivered stay with the campaign. */
    public boolean delete(String orgId, String id) {
        return database.transaction(c -> {
            if (find(c, orgId, id).isEmpty()) {
                return false;
            }
            Sql.update(c, "DELETE FROM pulled_files WHERE connector_id = ?", id);
            return Sql.update(c, "DELETE FROM pull_connectors WHERE id = ?", id) > 0;
        });
    }

    /** The decrypted credentials, for the runner only. */
    Credentials credentials(String id) throws PullException {
        return parse(plaintext(database.read(c -> ciphertext(c, id)), id));
    }

    /** Pins the fingerprint seen on the first connection; a pin already there is kept. */
    void pinFirstSeen(String id, String fingerprint) {
        database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET pinned_fingerprint = ? WHERE id = ? "
                + "AND pinned_fingerprint IS NULL", fingerprint, id));
    }

    /** Finds a connector by id alone, for the scheduler that runs them all. */
    Optional<PullConnector> findById(String id) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE p.id = ?",
                PullConnectorRepository::map, id));
    }

    void recordSuccess(String id, Instant ranAt) {
        database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET last_run_at = ?, last_success_at = ?, "
                + "failure = NULL, failure_message = NULL, offered_fingerprint = NULL, consecutive_failures = 0 "
                + "WHERE id = ?", ranAt, ranAt, id));
    }

    /** Records a failed run; returns the number of failures in a row, this one included. */
    int recordFailure(String id, Instant ranAt, PullException failure) {
        return database.transaction(c -> {
            Sql.update(c, "UPDATE pull_connectors SET last_run_at = ?, failure = ?, failure_message = ?, "
                    + "offered_fingerprint = ?, consecutive_failures = consecutive_failures + 1 WHERE id = ?", ranAt,
                    failure.failure(), failure.getMessage(), failure.offeredFingerprint(), id);
            return Sql.one(c, "SELECT consecutive_failures FROM pull_connectors WHERE id = ?", row -> row.getInt(1), id)
                    .orElse(1);
        });
    }

    void recordNextRun(String id, Instant nextRunAt) {
        database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET next_run_at = ? WHERE id = ?", nextRunAt,
                id));
    }

    private static Optional<PullConnector> find(Connection c, String orgId, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE p.org_id = ? AND p.id = ?",
                PullConnectorRepository::map, orgId, id);
    }

    private static void requireCampaign(Connection c, String orgId, String campaignId) throws SQLException {
        if (Sql.one(c, "SELECT id FROM campaigns WHERE org_id = ? AND id = ?", row -> row.getString(1), orgId,
                campaignId).isEmpty()) {
            throw new InvalidValueException("There is no campaign '" + campaignId + "' in this organisation.");
        }
    }

    private static void requireFreeName(Connection c, String orgId, String name, String id) throws SQLException {
        Optional<String> owner = Sql.one(c, "SELECT id FROM pull_connectors WHERE org_id = ? AND name = ?",
                row -> row.getString(1), orgId, name);
        if (owner.isPresent() && !owner.get().equals(id)) {
            throw new DuplicateException("Another connector is already named '" + name + "'.");
        }
    }

    private static String ciphertext(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT credentials_encrypted FROM pull_connectors WHERE id = ?", row -> row.getString(1), id)
                .orElseThrow();
    }

    private Credentials decrypt(Connection c, String id) throws SQLException {
        try {
            return parse(plaintext(ciphertext(c, id), id));
        } catch (PullException e) {
            throw new InvalidValueException(e.getMessage());
        }
    }

    private String plaintext(String ciphertext, String id) throws PullException {
        try {
            return cipher.decrypt(ciphertext, id);
        } catch (CredentialCipher.UnreadableException e) {
            throw new PullException(PullFailure.CREDENTIALS_UNREADABLE, CredentialCipher.unreadable("The stored "
                    + "credentials") + " Enter the connector's password or keys again.", e);
        }
    }

    private String encrypt(String id, Credentials credentials) {
        try {
            return cipher.encrypt(JSON.writeValueAsString(credentials), id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Credentials always serialise", e);
        }
    }

    private static Credentials parse(String json) {
        try {
            return JSON.readValue(json, Credentials.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decrypted credentials do not parse", e);
        }
    }

    private static boolean sameServer(RemoteSite before, RemoteSite after) {
        return switch (before) {
            case SftpSite s when after instanceof SftpSite t -> s.host().equals(t.host()) && s.port() == t.port();
            case FtpSite s when after instanceof FtpSite t -> s.host().equals(t.host()) && s.port() == t.port()
                    && s.tls() == t.tls();
            default -> false;
        };
    }

    private static String protocol(RemoteSite site) {
        return switch (site) {
            case SftpSite s -> "SFTP";
            case FtpSite f -> f.tls() ? "FTPS" : "FTP";
            case S3Site s -> "S3";
        };
    }

    private static PullConnector map(ResultSet row) throws SQLException {
        String failure = row.getString("failure");
        ConnectorStatus status = new ConnectorStatus(Sql.instant(row, "last_run_at"),
                Sql.instant(row, "last_success_at"), failure == null ? null : PullFailure.valueOf(failure),
                row.getString("failure_message"), row.getString("offered_fingerprint"),
                row.getInt("consecutive_failures"), Sql.instant(row, "next_run_at"));
        return new PullConnector(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                new CampaignFolder(row.getString("org_folder"), row.getString("campaign_folder")),
                SettingsJson.read(row.getString("settings_json")),
                row.getString("pinned_fingerprint"), row.getBoolean("default_credentials"), row.getBoolean("enabled"),
                status, Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
