package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.callport.server.TestServer;
import io.callport.server.ingest.PipelineServer;
import io.callport.server.ingest.Recordings;
import io.callport.server.store.Sql;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks are told, signed, when a batch and its calls finish, and a refused delivery is tried again. */
class WebhookApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got. */
    private record Received(String event, String delivery, String signature, String body) {
    }

    @TempDir
    Path dataDir;
    PipelineServer server;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        server.agent("478", null, "Ann Lee");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Callport-Event"),
                    exchange.getRequestHeaders().getFirst("Callport-Delivery"),
                    exchange.getRequestHeaders().getFirst("Callport-Signature"), body));
            // the first delivery is refused, to be tried again
            exchange.sendResponseHeaders(answered.getAndIncrement() == 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.stop(0);
    }

    @Test
    void finishedBatchesAndCallsAreToldSignedAndRetried() throws Exception {
        String sales = server.campaign("Sales", true, 1);
        String support = server.campaign("Support", true, 1);
        TestServer.Response created = server.http().post("/api/v1/webhooks", server.ownerKey(),
                "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\", \"campaignId\": \""
                        + sales + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String webhook = created.json().get("id").asText();
        assertThat(secret).startsWith("whsec_");
        String stored = server.http().server().context().database().read(c -> Sql.one(c, "SELECT secret FROM "
                + "webhooks WHERE id = ?", row -> row.getString(1), webhook)).orElseThrow();
        assertThat(stored).as("kept encrypted with the server's credential key").startsWith("v1:")
                .doesNotContain(secret.substring("whsec_".length()));

        for (String campaign : List.of(sales, support)) {
            server.land(campaign, "c1.wav", Recordings.wav(campaign.equals(sales) ? 300 : 400));
            server.land(campaign, "calls.csv", "call_id,agent,date,recording,queue\n"
                    + "C1,478,2026-01-05T09:00:00Z,c1.wav,Billing\n");
        }
        server.awaitBatchesFinal(sales, Duration.ofSeconds(30));
        server.awaitBatchesFinal(support, Duration.ofSeconds(30));
        PipelineServer.await(() -> delivered() == 2 ? true : null, Duration.ofSeconds(30),
                () -> "both deliveries: " + received);

        assertThat(received).extracting(Received::event).containsOnly("call.completed", "batch.completed");
        assertThat(received).hasSize(3);
        for (Received request : received) {
            String[] parts = request.signature().split(",");
            long timestamp = Long.parseLong(parts[0].substring("t=".length()));
            assertThat(parts[1]).isEqualTo("v1=" + hmac(secret, timestamp + "." + request.body()));
            JsonNode notice = JSON.readTree(request.body());
            assertThat(notice.get("type").asText()).isEqualTo(request.event());
            assertThat(notice.at("/event/campaignId").asText()).as("only the webhook's campaign").isEqualTo(sales);
        }
        JsonNode deliveries = server.http().get("/api/v1/webhooks/" + webhook + "/deliveries", server.ownerKey())
                .json();
        assertThat(deliveries.get("items")).extracting(d -> d.get("status").asText()).containsOnly("DELIVERED");
        assertThat(deliveries.get("items")).extracting(d -> d.get("attempts").asInt()).containsExactlyInAnyOrder(1, 2);
        assertThat(deliveries.get("items")).allSatisfy(d -> assertThat(d.get("lastError").isNull()).isTrue());
        assertThat(server.http().get("/api/v1/webhooks", server.ownerKey()).json().get(0).get("secret").isNull())
                .isTrue();
        assertThat(server.http().post("/api/v1/webhooks", server.ownerKey(), "{\"url\": \"ftp://x\"}").status())
                .isEqualTo(400);
        assertThat(server.http().delete("/api/v1/webhooks/" + webhook, server.ownerKey()).status()).isEqualTo(204);
        assertThat(server.http().get("/api/v1/webhooks/" + webhook + "/deliveries", server.ownerKey()).status())
                .isEqualTo(404);
    }

    private long delivered() {
        return received.stream().map(Received::delivery).distinct().count() == 2 && answered.get() >= 3 ? 2 : 0;
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
