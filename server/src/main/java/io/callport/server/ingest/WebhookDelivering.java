package io.callport.server.ingest;

import io.callport.server.store.Claim;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Webhook;
import io.callport.server.store.WebhookDelivery;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers a webhook notice: an HTTP POST of the notice's JSON with headers {@code Callport-Event},
 * {@code Callport-Delivery} and {@code Callport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under
 * the webhook's secret>}. A 2xx answer delivers it; anything else (or no answer within 10 seconds) is tried again
 * later with growing waits, and after {@link WorkRunner#MAX_ATTEMPTS} attempts the delivery is marked failed.
 */
final class WebhookDelivering implements Stage {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PipelineContext context;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDelivering(PipelineContext context) {
        this.context = context;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.DELIVER_WEBHOOK;
    }

    @Override
    public void run(Claim claim) throws IOException, InterruptedException {
        String deliveryId = claim.items().getFirst().subjectId();
        WebhookDelivery delivery = context.pipeline().webhooks().delivery(deliveryId)
                .filter(found -> found.status().equals(WebhookDelivery.PENDING)).orElse(null);
        Webhook webhook;
        try {
            webhook = delivery == null ? null : context.pipeline().webhooks().forDelivery(delivery.webhookId())
                    .orElse(null);
        } catch (CredentialCipher.UnreadableException e) {
            String error = CredentialCipher.unreadable("The webhook's secret") + " Delete the webhook, make it "
                    + "again and give its receiver the new secret.";
            attempted(claim, deliveryId, null, error);
            throw new IOException(error, e);
        }
        if (webhook == null) {
            context.finishing(claim, (c, changes) -> null);
            return;
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request(webhook, delivery), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            attempted(claim, deliveryId, null, "No answer from " + webhook.url() + ": " + e.getMessage());
            throw e;
        }
        if (response.statusCode() / 100 == 2) {
            context.finishing(claim, (c, changes) -> {
                context.pipeline().webhooks().attempted(c, deliveryId, WebhookDelivery.DELIVERED,
                        response.statusCode(), null);
                return null;
            });
            return;
        }
        String error = "The webhook at " + webhook.url() + " answered " + response.statusCode() + ".";
        attempted(claim, deliveryId, response.statusCode(), error);
        throw new IOException(error);
    }

    private void attempted(Claim claim, String deliveryId, Integer statusCode, String error) {
        context.holding(claim, (c, changes) -> {
            context.pipeline().webhooks().attempted(c, deliveryId, WebhookDelivery.PENDING, statusCode, error);
            return null;
        });
    }

    private HttpRequest request(Webhook webhook, WebhookDelivery delivery) {
        long timestamp = context.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(webhook.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Callport-Event", delivery.eventType())
                .header("Callport-Delivery", delivery.id())
                .header("Callport-Signature", "t=" + timestamp + ",v1=" + sign(webhook.secret(), timestamp,
                        delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under the secret; receivers compute the same to check it. */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        context.pipeline().webhooks().attempted(connection, item.subjectId(), WebhookDelivery.FAILED, null, reason);
    }
}
