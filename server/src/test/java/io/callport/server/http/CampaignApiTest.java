package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @Test
    void createReturnsTheCampaignWithIdFolderAndDefaults() {
        ApiClient.Response created = server.post("/api/v1/campaigns", server.ownerKey(),
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
        String id = campaign.get("id").asText();
        assertThat(server.get("/api/v1/campaigns", server.ownerKey()).json().findValuesAsText("id")).contains(id);
        assertThat(server.get("/api/v1/campaigns/" + id, server.ownerKey()).json()).isEqualTo(campaign);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String id = server.createCampaign("Outbound");

        ApiClient.Response patched = server.patch("/api/v1/campaigns/" + id, server.ownerKey(),
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
        ApiClient.Response response = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"Retained\", \"retention\": {\"audioAndTranscripts\": \"P24M\"}}");

        assertBadRequest(response,
                "Retention for audio and transcripts must be one of P1M, P2M, P3M, P6M, P12M, not 'P24M'.");
        assertThat(server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"Retained\", \"retention\": {\"unprocessed\": \"P6M\"}}").status()).isEqualTo(400);
    }

    @Test
    void aPickingRuleIsKeptInItsTextFormAndChangedAlone() {
        ApiClient.Response created = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"Sampled\", \"picking\": \" 30 % \"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("picking").asText()).isEqualTo("30%");
        String id = created.json().get("id").asText();

        ApiClient.Response patched = server.patch("/api/v1/campaigns/" + id, server.ownerKey(),
                "{\"picking\": \"Max 5 per agent\"}");
        assertThat(patched.json().get("picking").asText()).isEqualTo("5 per agent");
        assertThat(server.patch("/api/v1/campaigns/" + id, server.ownerKey(), "{\"batchWindowSeconds\": 30}").json()
                .get("picking").asText()).as("a change of another field keeps the rule").isEqualTo("5 per agent");
        assertThat(server.get("/api/v1/campaigns/" + id, server.ownerKey()).json().get("picking").asText())
                .isEqualTo("5 per agent");
    }

    @Test
    void aPickingRuleThatIsNotOneIs400WithTheReason() {
        assertBadRequest(server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"Greedy\", \"picking\": \"150%\"}"),
                "A picking percentage is between 1 and 100, not 150.");

        String id = server.createCampaign("Vague");
        assertBadRequest(server.patch("/api/v1/campaigns/" + id, server.ownerKey(), "{\"picking\": \"abc\"}"),
                "The picking rule "
                + "'abc' must be 'all', a percentage such as '30%', or a maximum per agent such as '5 per agent'.");
        assertThat(server.get("/api/v1/campaigns/" + id, server.ownerKey()).json().get("picking").asText())
                .isEqualTo("all");
    }

    @Test
    void malformedRequestsAre400() {
        ApiClient.Response noName = server.post("/api/v1/campaigns", server.ownerKey(), "{\"csvRequired\": true}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("message").asText()).isEqualTo("A campaign needs a name.");

        ApiClient.Response typo = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"x\", \"csvRequred\": true}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error()).isEqualTo("invalid_json");
        assertThat(typo.json().get("message").asText()).contains("csvRequred");

        ApiClient.Response notJson = server.post("/api/v1/campaigns", server.ownerKey(), "name=x");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error()).isEqualTo("invalid_json");

        ApiClient.Response empty = server.post("/api/v1/campaigns", server.ownerKey(), "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).isEqualTo("This request needs a JSON body.");

        ApiClient.Response badWindow = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"x\", \"batchWindowSeconds\": 100000}");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().get("message").asText()).contains("between 0 and 86400 seconds");

        ApiClient.Response badFolder = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"x\", \"folder\": \"../etc\"}");
        assertThat(badFolder.status()).isEqualTo(400);
        assertThat(badFolder.json().get("message").asText()).contains("The folder '../etc'");
    }

    @Test
    void aFolderTakenByAnotherCampaignIs409() {
        server.post("/api/v1/campaigns", server.ownerKey(), "{\"name\": \"Billing\"}");

        ApiClient.Response clash = server.post("/api/v1/campaigns", server.ownerKey(),
                "{\"name\": \"Other\", \"folder\": \"billing\"}");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.error()).isEqualTo("conflict");
        assertThat(clash.json().get("message").asText()).isEqualTo("Another campaign already uses the folder 'billing'.");
    }

    @Test
    void unknownCampaignsRoutesAndMethodsAnswerWithJsonErrors() {
        ApiClient.Response campaign = server.get("/api/v1/campaigns/cmp_nope", server.ownerKey());
        assertThat(campaign.status()).isEqualTo(404);
        assertThat(campaign.json().get("message").asText()).contains("cmp_nope");

        ApiClient.Response route = server.get("/api/v1/nothing-here", server.ownerKey());
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.error()).isEqualTo("not_found");

        ApiClient.Response method = server.delete("/api/v1/campaigns", server.ownerKey());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error()).isEqualTo("method_not_allowed");
    }

    private static void assertBadRequest(ApiClient.Response response, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("bad_request");
        assertThat(response.json().get("message").asText()).isEqualTo(message);
    }
}
