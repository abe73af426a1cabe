package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhooks of an organisation and their deliveries. A webhook's signing secret is kept encrypted with the server's
 * credential key, bound to the webhook's id; it is read back only to sign deliveries.
 */
public final class WebhookRepository {
    private static final String COLUMNS = "id, org_id, campaign_id, url, created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_type, payload, status, attempts, "
            + "last_status_code, last_error, created_at, delivered_at";

    private final Database database;
    private final Clock clock;
    private final CredentialCipher secrets;

    WebhookRepository(Database database, Clock clock, CredentialCipher secrets) {
        this.database = database;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Makes a webhook with a new secret; the one answer that carries the secret. */
    public Webhook create(String orgId, String campaignId, String url) {
        Webhook webhook = new Webhook(Ids.next("whk"), orgId, campaignId, url, "whsec_" + RandomText.base62(32),
                clock.instant());
        database.transaction(c -> Sql.update(c, "INSERT INTO webhooks (" + COLUMNS + ", secret) VALUES "
                + "(?, ?, ?, ?, ?, ?)", webhook.id(), orgId, campaignId, url, webhook.createdAt(),
                secrets.encrypt(webhook.secret(), webhook.id())));
        return webhook;
    }

    /**
     * Encrypts the secrets that earlier versions stored in plain text; returns how many. Run at start; several
     * processes may run it at once, since each row changes only while it is still plain.
     */
    public int encryptPlainSecrets() {
        return database.transaction(c -> {
            int encrypted = 0;
            for (Map.Entry<String, String> plain : Sql.list(c, "SELECT id, secret FROM webhooks",
                    row -> Map.entry(row.getString("id"), row.getString("secret")))) {
                if (!CredentialCipher.isEncrypted(plain.getValue())) {
                    encrypted += Sql.update(c, "UPDATE webhooks SET secret = ? WHERE id = ? AND secret = ?",
                            secrets.encrypt(plain.getValue(), plain.getKey()), plain.getKey(), plain.getValue());
                }
            }
            return encrypted;
        });
    }

    /** The organisation's webhooks, without their secrets. */
    public List<Webhook> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM webhooks WHERE org_id = ? "
                + "ORDER BY created_at, id", WebhookRepository::map, orgId));
    }

    /** A webhook of the organisation, without its secret. */
    public Optional<Webhook> find(String orgId, String webhookId) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM webhooks WHERE org_id = ? AND id = ?",
                WebhookRepository::map, orgId, webhookId));
    }

    /** A webhook by its id alone with its secret decrypted, for signing a delivery to it. */
    public Optional<Webhook> forDelivery(String webhookId) throws CredentialCipher.UnreadableException {
        Optional<Map.Entry<Webhook, String>> found = database.read(c -> Sql.one(c, "SELECT " + COLUMNS
                + ", secret FROM webhooks WHERE id = ?", row -> Map.entry(map(row), row.getString("secret")),
                webhookId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Webhook webhook = found.get().getKey();
        return Optional.of(new Webhook(webhook.id(), webhook.orgId(), webhook.campaignId(), webhook.url(),
                secrets.decrypt(found.get().getValue(), webhook.id()), webhook.createdAt()));
    }

    /** Deletes the webhook with its deliveries; false when the organisation has no such webhook. */
    public boolean delete(String orgId, String webhookId) {
        return database.transaction(c -> {
            Sql.update(c, "DELETE FROM webhook_deliveries WHERE webhook_id IN (SELECT id FROM webhooks "
                    + "WHERE org_id = ? AND id = ?)", orgId, webhookId);
            return Sql.update(c, "DELETE FROM webhooks WHERE org_id = ? AND id = ?", orgId, webhookId) == 1;
        });
    }

    /** The organisation's webhooks told about a campaign's events, without their secrets. */
    public List<Webhook> forCampaign(Connection connection, String orgId, String campaignId) throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM webhooks WHERE org_id = ? AND (campaign_id IS NULL "
                + "OR campaign_id = ?)", WebhookRepository::map, orgId, campaignId);
    }

    public WebhookDelivery addDelivery(Connection connection, String webhookId, String eventType, String payload)
            throws SQLException {
        WebhookDelivery delivery = new WebhookDelivery(Ids.ordered("dlv"), webhookId, eventType, payload,
                WebhookDelivery.PENDING, 0, null, null, clock.instant(), null);
        Sql.update(connection, "INSERT INTO webhook_deliveries (" + DELIVERY_COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, 0, NULL, NULL, ?, NULL)", delivery.id(), webhookId, eventType, payload,
                delivery.status(), delivery.createdAt());
        return delivery;
    }

    public Optional<WebhookDelivery> delivery(String deliveryId) {
        return database.read(c -> Sql.one(c, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = ?",
                WebhookRepository::mapDelivery, deliveryId));
    }

    /** A webhook's deliveries, newest first. */
    public List<WebhookDelivery> deliveries(String webhookId, Page page) {
        return database.read(c -> Sql.list(c, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries "
                + "WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                WebhookRepository::mapDelivery, webhookId, page.limit(), page.offset()));
    }

    /** Records one attempt; a status is the final one ({@code DELIVERED}, {@code FAILED}) or {@code PENDING}. */
    public void attempted(Connection connection, String deliveryId, String status, Integer statusCode, String error)
            throws SQLException {
        Instant now = clock.instant();
        Sql.update(connection, "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, "
                        + "last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?", status, statusCode,
                error, WebhookDelivery.DELIVERED.equals(status) ? now : null, deliveryId);
    }

    private static Webhook map(ResultSet row) throws SQLException {
        return new Webhook(row.getString("id"), row.getString("org_id"), row.getString("campaign_id"),
                row.getString("url"), null, Sql.instant(row, "created_at"));
    }

    private static WebhookDelivery mapDelivery(ResultSet row) throws SQLException {
        int code = row.getInt("last_status_code");
        Integer statusCode = row.wasNull() ? null : code;
        return new WebhookDelivery(row.getString("id"), row.getString("webhook_id"), row.getString("event_type"),
                row.getString("payload"), row.getString("status"), row.getInt("attempts"), statusCode,
                row.getString("last_error"), Sql.instant(row, "created_at"), Sql.instant(row, "delivered_at"));
    }
}
