package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import io.callport.server.auth.ApiKeySecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        String campaign = server.createCampaign("Dialer");

        ApiClient.Response created = server.post("/api/v1/api-keys", server.ownerKey(),
                "{\"name\": \"dialer export\", \"role\": \"manager\", \"campaignId\": \"" + campaign + "\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        JsonNode key = created.json().get("key");
        assertThat(secret).matches("cp_[0-9A-Za-z]{43}");
        assertThat(key.get("role").asText()).isEqualTo("MANAGER");
        assertThat(key.get("scope").asText()).isEqualTo("CAMPAIGN");
        assertThat(key.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(key.get("prefix").asText()).isEqualTo(secret.substring(0, 9));

        String listed = server.get("/api/v1/api-keys", server.ownerKey()).body();
        assertThat(listed).contains(key.get("id").asText()).doesNotContain(secret).doesNotContain("secret");
        Path dataDir = server.dataDir();
        String database = Files.readString(dataDir.resolve("callport.db"), java.nio.charset.StandardCharsets.ISO_8859_1)
                + readIfExists(dataDir.resolve("callport.db-wal"));
        assertThat(database).doesNotContain(secret).contains(ApiKeySecrets.sha256(secret));
    }

    @Test
    void lastUseIsRecorded() {
        String secret = server.createKey("AGENT", null);
        assertThat(lastUsed(secret).isNull()).isTrue();

        server.get("/api/v1/campaigns", secret);

        assertThat(lastUsed(secret).asText()).matches("\\d{4}-.*Z");
    }

    @Test
    void revokingTwiceIsHarmlessAndAnUnknownKeyIs404() {
        String secret = server.createKey("AGENT", null);
        String id = idOf(secret);

        assertThat(server.delete("/api/v1/api-keys/" + id, server.ownerKey()).status()).isEqualTo(204);
        assertThat(server.delete("/api/v1/api-keys/" + id, server.ownerKey()).status()).isEqualTo(204);
        assertThat(server.delete("/api/v1/api-keys/key_missing", server.ownerKey()).status()).isEqualTo(404);
        assertThat(keyNode(secret).get("revokedAt").asText()).matches("\\d{4}-.*Z");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        ApiClient.Response badRole = server.post("/api/v1/api-keys", server.ownerKey(),
                "{\"name\": \"x\", \"role\": \"ADMIN\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("message").asText()).contains("'ADMIN' is not a role", "SENIOR_MANAGER");

        ApiClient.Response noName = server.post("/api/v1/api-keys", server.ownerKey(), "{\"role\": \"AGENT\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("message").asText()).contains("needs a name");

        ApiClient.Response noCampaign = server.post("/api/v1/api-keys", server.ownerKey(),
                "{\"name\": \"x\", \"role\": \"AGENT\", \"campaignId\": \"cmp_missing\"}");
        assertThat(noCampaign.status()).isEqualTo(404);
    }

    private static JsonNode keyNode(String secret) {
        for (JsonNode key : server.get("/api/v1/api-keys", server.ownerKey()).json()) {
            if (secret.substring(0, 9).equals(key.get("prefix").asText())) {
                return key;
            }
        }
        throw new AssertionError("key not listed");
    }

    private static String idOf(String secret) {
        return keyNode(secret).get("id").asText();
    }

    private static JsonNode lastUsed(String secret) {
        return keyNode(secret).get("lastUsedAt");
    }

    private static String readIfExists(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }
}
