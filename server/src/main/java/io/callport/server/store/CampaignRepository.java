package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Campaigns, always looked up within their organisation so one organisation never reaches another's. */
public final class CampaignRepository {
    private static final String COLUMNS = "id, org_id, name, folder, csv_required, batch_window_seconds, "
            + "retention_unprocessed, retention_audio_transcripts, retention_metadata_insights, picking, created_at, "
            + "updated_at";

    private final Database database;
    private final Clock clock;

    CampaignRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates a campaign. Without an explicit folder the folder is the name's slug, numbered if the organisation
     * already has it; an explicit folder that is taken is a {@link DuplicateException}.
     */
    public Campaign create(String orgId, CampaignSettings settings) {
        return database.transaction(connection -> {
            String folder = settings.folder() != null ? requireFreeFolder(connection, orgId, settings.folder(), null)
                    : freeFolderFor(connection, orgId, settings.name());
            Instant now = clock.instant();
            Retention retention = settings.retention();
            Campaign campaign = new Campaign(Ids.next("cmp"), orgId, settings.name(), folder, settings.csvRequired(),
                    settings.batchWindowSeconds(), retention, settings.picking(), now, now);
            Sql.update(connection, "INSERT INTO campaigns (" + COLUMNS + ") VALUES ("
                            + InLists.placeholders(12) + ")",
                    campaign.id(), orgId, campaign.name(), folder, campaign.csvRequired(),
                    campaign.batchWindowSeconds(), retention.unprocessed(), retention.audioAndTranscripts(),
                    retention.metadataAndInsights(), campaign.picking().text(), now, now);
            return campaign;
        });
    }

    /** Replaces a campaign's settings; a null folder keeps the current one. Empty when there is no such campaign. */
    public Optional<Campaign> update(String orgId, String campaignId, CampaignSettings settings) {
        return database.transaction(connection -> {
            Optional<Campaign> existing = find(connection, orgId, campaignId);
            if (existing.isEmpty()) {
                return Optional.<Campaign>empty();
            }
            String folder = settings.folder() == null ? existing.get().folder()
                    : requireFreeFolder(connection, orgId, settings.folder(), campaignId);
            Retention retention = settings.retention();
            Sql.update(connection, "UPDATE campaigns SET name = ?, folder = ?, csv_required = ?, "
                            + "batch_window_seconds = ?, retention_unprocessed = ?, retention_audio_transcripts = ?, "
                            + "retention_metadata_insights = ?, picking = ?, updated_at = ? "
                            + "WHERE org_id = ? AND id = ?",
                    settings.name(), folder, settings.csvRequired(), settings.batchWindowSeconds(),
                    retention.unprocessed(), retention.audioAndTranscripts(), retention.metadataAndInsights(),
                    settings.picking().text(), clock.instant(), orgId, campaignId);
            return find(connection, orgId, campaignId);
        });
    }

    public Optional<Campaign> find(String orgId, String campaignId) {
        return database.read(c -> find(c, orgId, campaignId));
    }

    public Optional<Campaign> findByFolder(String orgId, String folder) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM campaigns WHERE org_id = ? AND folder = ?",
                CampaignRepository::map, orgId, folder));
    }

    public List<Campaign> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM campaigns WHERE org_id = ? "
                + "ORDER BY created_at, id", CampaignRepository::map, orgId));
    }

    private static Optional<Campaign> find(Connection connection, String orgId, String campaignId)
            throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM campaigns WHERE org_id = ? AND id = ?",
                CampaignRepository::map, orgId, campaignId);
    }

    private static String freeFolderFor(Connection connection, String orgId, String name) throws SQLException {
        String base = Slugs.of(name, "campaign");
        String folder = base;
        for (int n = 2; folderOwner(connection, orgId, folder).isPresent(); n++) {
            folder = Slugs.numbered(base, n);
        }
        return folder;
    }

    private static String requireFreeFolder(Connection connection, String orgId, String folder, String campaignId)
            throws SQLException {
        Optional<String> owner = folderOwner(connection, orgId, folder);
        if (owner.isPresent() && !owner.get().equals(campaignId)) {
            throw new DuplicateException("Another campaign already uses the folder '" + folder + "'.");
        }
        return folder;
    }

    private static Optional<String> folderOwner(Connection connection, String orgId, String folder)
            throws SQLException {
        return Sql.one(connection, "SELECT id FROM campaigns WHERE org_id = ? AND folder = ?",
                row -> row.getString("id"), orgId, folder);
    }

    private static Campaign map(ResultSet row) throws SQLException {
        Retention retention = new Retention(
                RetentionPeriod.valueOf(row.getString("retention_unprocessed")),
                RetentionPeriod.valueOf(row.getString("retention_audio_transcripts")),
                RetentionPeriod.valueOf(row.getString("retention_metadata_insights")));
        return new Campaign(row.getString("id"), row.getString("org_id"), row.getString("name"),
                row.getString("folder"), row.getBoolean("csv_required"), row.getInt("batch_window_seconds"),
                retention, PickingRule.parse(row.getString("picking")), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
