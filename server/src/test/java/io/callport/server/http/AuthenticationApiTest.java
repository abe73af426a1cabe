package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.Role;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a request can fail to authenticate or reach beyond its key. Fewer than 10 failures: no rate limit. */
class AuthenticationApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @Test
    void healthNeedsNoKeyButEveryOtherRouteDoes() {
        assertThat(server.get("/health", null).status()).isEqualTo(200);
        for (String path : new String[] {"/metrics", "/api/v1/openapi.json", "/api/v1/campaigns", "/no/such/path"}) {
            ApiClient.Response response = server.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.error()).isEqualTo("unauthorized");
            assertThat(response.json().get("message").asText()).contains("Authorization: Bearer cp_");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Test
    void aWrongOrMalformedKeyIsRefused() {
        ApiClient.Response unknown = server.get("/api/v1/campaigns", "cp_" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("message").asText()).isEqualTo("The API key is not valid.");

        ApiClient.Response malformed = server.get("/api/v1/campaigns", "tv_123");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().get("message").asText()).contains("start with cp_");

        ApiClient.Response basic = server.send(server.request("/api/v1/campaigns", null)
                .header("Authorization", "Basic dXNlcjpwYXNz").GET());
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("message").asText()).contains("must be Bearer");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String key = server.createKey("MANAGER", null);
        assertThat(server.get("/api/v1/campaigns", key).status()).isEqualTo(200);
        String id = server.get("/api/v1/api-keys", server.ownerKey()).json().findValues("id").stream()
                .map(node -> node.asText()).reduce((first, last) -> last).orElseThrow();

        assertThat(server.delete("/api/v1/api-keys/" + id, server.ownerKey()).status()).isEqualTo(204);

        ApiClient.Response refused = server.get("/api/v1/campaigns", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asText()).startsWith("This API key was revoked on");
    }

    @Test
    void anotherOrganisationsKeySeesNoneOfThisOrganisationsData() {
        String campaignId = server.createCampaign("Private");
        Store store = server.server().context().store();
        Organisation other = store.organisations().create("Globex");
        String otherKey = new ApiKeyService(store.apiKeys(), Clock.systemUTC())
                .issue(other.id(), null, "globex owner", Role.OWNER).secret();

        assertThat(server.get("/api/v1/campaigns", otherKey).json()).isEmpty();
        ApiClient.Response read = server.get("/api/v1/campaigns/" + campaignId, otherKey);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.error()).isEqualTo("not_found");
        assertThat(server.patch("/api/v1/campaigns/" + campaignId, otherKey, "{\"name\": \"Mine\"}").status())
                .isEqualTo(404);
        assertThat(server.put("/api/v1/campaigns/" + campaignId + "/mapping", otherKey, "{}").status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/api-keys", otherKey).json()).hasSize(1);
        assertThat(server.get("/api/v1/campaigns/" + campaignId, server.ownerKey()).json().get("name").asText())
                .isEqualTo("Private");
    }

    @Test
    void aCampaignKeyReachesOnlyItsCampaignAndNoOrganisationLevelWork() {
        String own = server.createCampaign("Scoped own");
        String other = server.createCampaign("Scoped other");
        String key = server.createKey("SENIOR_MANAGER", own);

        assertThat(server.get("/api/v1/campaigns", key).json().findValuesAsText("id")).containsExactly(own);
        assertThat(server.get("/api/v1/campaigns/" + own, key).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/campaigns/" + other, key).status()).isEqualTo(404);
        assertThat(server.patch("/api/v1/campaigns/" + other, key, "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(server.get("/api/v1/campaigns/" + other + "/mapping", key).status()).isEqualTo(404);
        assertThat(server.put("/api/v1/campaigns/" + other + "/agent-creation", key,
                "{\"emailTemplate\": \"%agentid%@x.example\"}").status()).isEqualTo(404);

        ApiClient.Response create = server.post("/api/v1/campaigns", key, "{\"name\": \"More\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("message").asText()).contains("limited to campaign " + own);
        assertThat(server.get("/api/v1/api-keys", key).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/users", key).status()).isEqualTo(403);
    }

    @Test
    void aRoleCanOnlyDoWhatTheRoleTableAllows() {
        String agent = server.createKey("AGENT", null);
        String manager = server.createKey("MANAGER", null);
        String senior = server.createKey("SENIOR_MANAGER", null);

        assertThat(server.get("/api/v1/campaigns", agent).status()).isEqualTo(200);
        ApiClient.Response agentCreates = server.post("/api/v1/campaigns", agent, "{\"name\": \"Nope\"}");
        assertThat(agentCreates.status()).isEqualTo(403);
        assertThat(agentCreates.json().get("message").asText()).contains("role AGENT", "CONFIGURE_SFTP");
        assertThat(server.post("/api/v1/api-keys", manager, "{\"name\": \"x\", \"role\": \"AGENT\"}").status())
                .as("managers do not manage API keys").isEqualTo(403);
        assertThat(server.post("/api/v1/campaigns", senior, "{\"name\": \"Senior's\"}").status()).isEqualTo(201);
        ApiClient.Response escalation = server.post("/api/v1/api-keys", senior,
                "{\"name\": \"x\", \"role\": \"OWNER\"}");
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.json().get("message").asText()).contains("higher role OWNER");
    }
}
