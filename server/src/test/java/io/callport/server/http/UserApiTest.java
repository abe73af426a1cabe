package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @Test
    void aUserIsAddedWithTheirRolesPermissions() {
        ApiClient.Response created = server.post("/api/v1/users", server.ownerKey(),
                "{\"email\": \"Carla@Acme.example\", \"name\": \"Carla\", \"role\": \"COMPLIANCE_OFFICER\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("email").asText()).isEqualTo("carla@acme.example");
        assertThat(user.get("permissions").toString())
                .isEqualTo("[\"UPLOAD_CALLS\",\"VIEW_ALL_CALLS\",\"REPROCESS_CALLS\",\"VIEW_CAMPAIGNS\"]");
        assertThat(server.get("/api/v1/users", server.ownerKey()).json().findValuesAsText("email"))
                .contains("carla@acme.example");
    }

    @Test
    void duplicatesBadRolesAndEscalationAreRefused() {
        server.post("/api/v1/users", server.ownerKey(),
                "{\"email\": \"dan@acme.example\", \"name\": \"Dan\", \"role\": \"AGENT\"}");

        ApiClient.Response duplicate = server.post("/api/v1/users", server.ownerKey(),
                "{\"email\": \"DAN@acme.example\", \"name\": \"Dan\", \"role\": \"AGENT\"}");
        assertThat(duplicate.status()).isEqualTo(409);

        ApiClient.Response badRole = server.post("/api/v1/users", server.ownerKey(),
                "{\"email\": \"eve@acme.example\", \"name\": \"Eve\", \"role\": \"ROOT\"}");
        assertThat(badRole.status()).isEqualTo(400);

        String senior = server.createKey("SENIOR_MANAGER", null);
        ApiClient.Response escalation = server.post("/api/v1/users", senior,
                "{\"email\": \"eve@acme.example\", \"name\": \"Eve\", \"role\": \"OWNER\"}");
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(server.post("/api/v1/users", senior,
                "{\"email\": \"eve@acme.example\", \"name\": \"Eve\", \"role\": \"MANAGER\"}").status()).isEqualTo(201);
        assertThat(server.get("/api/v1/users", server.createKey("MANAGER", null)).status()).isEqualTo(403);
    }
}
