package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignApiTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String key;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        key = server.ownerKey();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createReturnsTheCampaignWithIdFolderAndDefaults() {
        TestServer.Response created = server.post("/api/v1/campaigns", key,
                "{\"name\": \"Inbound Sales\", \"csvRequired\": false, \"batchWindowSeconds\": 900}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode campaign = created.json();
        assertThat(campaign.get("id").asText()).startsWith("cmp_");
        assertThat(campaign.get("folder").asText()).isEqualTo("inbound-sales");
        assertThat(campaign.get("csvRequired").asBoolean()).isFalse();
        assertThat(campaign.get("batchWindowSeconds").asInt()).isEqualTo(900);
        assertThat(campaign.get("retention").toString())
                .isEqualTo("{\"unprocessed\":\"P3M\",\"audioAndTranscripts\":\"P12M\",\"metadataAndInsights\":\"CONTRACT\"}");
        assertThat(campaign.get("picking").asText()).isEqualTo("all");
        assertThat(campaign.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(server.get("/api/v1/campaigns", key).json().findValuesAsText("id"))
                .contains(campaign.get("id").asText());
        assertThat(server.get("/api/v1/campaigns/" + campaign.get("id").asText(), key).json()).isEqualTo(campaign);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String id = server.createCampaign("Outbound");

        TestServer.Response patched = server.patch("/api/v1/campaigns/" + id, key,
                "{\"batchWindowSeconds\": 60, \"retention\": {\"unprocessed\": \"P1M\"}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Outbound");
        assertThat(patched.json().get("csvRequired").asBoolean()).isTrue();
        assertThat(patched.json().get("batchWindowSeconds").asInt()).isEqualTo(60);
        assertThat(patched.json().at("/retention/unprocessed").asText()).isEqualTo("P1M");
        assertThat(patched.json().at("/retention/audioAndTranscripts").asText()).isEqualTo("P12M");
    }

    @Test
    void retentionOutsideTheOfferedChoicesIs400WithTheChoices() {
        TestServer.Response response = server.post("/api/v1/campaigns", key,
                "{\"name\": \"Retained\", \"retention\": {\"audioAndTranscripts\": \"P24M\"}}");

        assertBadRequest(response,
                "Retention for audio and transcripts must be one of P1M, P2M, P3M, P6M, P12M, not 'P24M'.");
        assertThat(server.post("/api/v1/campaigns", key,
                "{\"name\": \"Retained\", \"retention\": {\"unprocessed\": \"P6M\"}}").status()).isEqualTo(400);
    }

    @Test
    void aPickingRuleIsKeptInItsTextFormAndChangedAlone() {
        TestServer.Response created = server.post("/api/v1/campaigns", key,
                "{\"name\": \"Sampled\", \"picking\": \" 30 % \"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("picking").asText()).isEqualTo("30%");
        String id = created.json().get("id").asText();

        TestServer.Response patched = server.patch("/api/v1/campaigns/" + id, key,
                "{\"picking\": \"Max 5 per agent\"}");
        assertThat(patched.json().get("picking").asText()).isEqualTo("5 per agent");
        assertThat(server.patch("/api/v1/campaigns/" + id, key, "{\"batchWindowSeconds\": 30}").json()
                .get("picking").asText()).as("a change of another field keeps the rule").isEqualTo("5 per agent");
        assertThat(server.get("/api/v1/campaigns/" + id, key).json().get("picking").asText()).isEqualTo("5 per agent");
    }

    @Test
    void aPickingRuleThatIsNotOneIs400WithTheReason() {
        assertBadRequest(server.post("/api/v1/campaigns", key, "{\"name\": \"Greedy\", \"picking\": \"150%\"}"),
                "A picking percentage is between 1 and 100, not 150.");

        String id = server.createCampaign("Vague");
        assertBadRequest(server.patch("/api/v1/campaigns/" + id, key, "{\"picking\": \"abc\"}"), "The picking rule "
                + "'abc' must be 'all', a percentage such as '30%', or a maximum per agent such as '5 per agent'.");
        assertThat(server.get("/api/v1/campaigns/" + id, key).json().get("picking").asText()).isEqualTo("all");
    }

    @Test
    void malformedRequestsAre400() {
        TestServer.Response noName = server.post("/api/v1/campaigns", key, "{\"csvRequired\": true}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("message").asText()).isEqualTo("A campaign needs a name.");

        TestServer.Response typo = server.post("/api/v1/campaigns", key, "{\"name\": \"x\", \"csvRequred\": true}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error()).isEqualTo("invalid_json");
        assertThat(typo.json().get("message").asText()).contains("csvRequred");

        TestServer.Response notJson = server.post("/api/v1/campaigns", key, "name=x");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error()).isEqualTo("invalid_json");

        TestServer.Response empty = server.post("/api/v1/campaigns", key, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).isEqualTo("This request needs a JSON body.");

        TestServer.Response badWindow = server.post("/api/v1/campaigns", key,
                "{\"name\": \"x\", \"batchWindowSeconds\": 100000}");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().get("message").asText()).contains("between 0 and 86400 seconds");

        TestServer.Response badFolder = server.post("/api/v1/campaigns", key, "{\"name\": \"x\", \"folder\": \"../etc\"}");
        assertThat(badFolder.status()).isEqualTo(400);
        assertThat(badFolder.json().get("message").asText()).contains("The folder '../etc'");
    }

    @Test
    void aFolderTakenByAnotherCampaignIs409() {
        server.post("/api/v1/campaigns", key, "{\"name\": \"Billing\"}");

        TestServer.Response clash = server.post("/api/v1/campaigns", key, "{\"name\": \"Other\", \"folder\": \"billing\"}");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.error()).isEqualTo("conflict");
        assertThat(clash.json().get("message").asText()).isEqualTo("Another campaign already uses the folder 'billing'.");
    }

    @Test
    void unknownCampaignsRoutesAndMethodsAnswerWithJsonErrors() {
        TestServer.Response campaign = server.get("/api/v1/campaigns/cmp_nope", key);
        assertThat(campaign.status()).isEqualTo(404);
        assertThat(campaign.json().get("message").asText()).contains("cmp_nope");

        TestServer.Response route = server.get("/api/v1/nothing-here", key);
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.error()).isEqualTo("not_found");

        TestServer.Response method = server.delete("/api/v1/campaigns", key);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error()).isEqualTo("method_not_allowed");
    }

    private static void assertBadRequest(TestServer.Response response, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("bad_request");
        assertThat(response.json().get("message").asText()).isEqualTo(message);
    }
}
