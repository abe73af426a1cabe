package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    private static ApiClient.Response importCsv(String csv) {
        return server.postBody("/api/v1/agents/import", server.ownerKey(), "text/csv",
                HttpRequest.BodyPublishers.ofString(csv));
    }

    @Test
    void anAgentIsCreatedThenUpdatedByTheSameExternalId() {
        ApiClient.Response created = server.post("/api/v1/agents", server.ownerKey(),
                "{\"externalId\": \"E-100\", \"name\": \"Ann Lee\", \"team\": \"Blue\"}");
        ApiClient.Response updated = server.post("/api/v1/agents", server.ownerKey(),
                "{\"externalId\": \"E-100\", \"email\": \"Ann.Lee@Acme.example\", \"name\": \"Ann Lee\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("id")).isEqualTo(created.json().get("id"));
        assertThat(updated.json().get("email").asText()).isEqualTo("ann.lee@acme.example");
        assertThat(updated.json().get("team").asText()).isEqualTo("Blue");
        assertThat(server.get("/api/v1/agents", server.ownerKey()).json().findValuesAsText("externalId"))
                .contains("E-100");
    }

    @Test
    void anAgentNeedsAnIdentifierAndAName() {
        ApiClient.Response noIdentifier = server.post("/api/v1/agents", server.ownerKey(), "{\"name\": \"Nobody\"}");
        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(noIdentifier.json().get("message").asText()).contains("external id or an email");

        ApiClient.Response badEmail = server.post("/api/v1/agents", server.ownerKey(),
                "{\"email\": \"bob\", \"name\": \"Bob\"}");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("message").asText()).isEqualTo("'bob' is not an email address.");
    }

    @Test
    void aCsvImportSavesGoodRowsAndReportsBadOnesByLine() {
        String csv = """
                external_id,email,name,team
                I-1,i1@acme.example,Ida One,Red
                I-2,,Ivo Two,
                ,,No Identifier,Red
                I-4,not-an-email,Bad Email,Red
                I-5,"i5@acme.example","Five, Quoted
                Name",Green
                I-6,i6@acme.example
                I-1,i1@acme.example,Ida Renamed,Red
                I-7,i1@acme.example,Email Thief,Red
                """;

        ApiClient.Response response = importCsv(csv);

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("created").asInt()).isEqualTo(3);
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(result.get("errorCount").asInt()).isEqualTo(4);
        JsonNode errors = result.get("errors");
        assertThat(errors.findValuesAsText("line")).containsExactly("4", "5", "8", "10");
        assertThat(errors.findValuesAsText("code"))
                .containsExactly("VALUE_REQUIRED", "VALUE_INVALID", "ROW_TOO_FEW_CELLS", "VALUE_INVALID");
        assertThat(errors.get(1).get("column").asText()).isEqualTo("email");
        assertThat(errors.get(1).get("value").asText()).isEqualTo("not-an-email");
        assertThat(errors.get(3).get("message").asText()).contains("Line 10", "i1@acme.example already belongs");
        assertThat(server.server().context().store().agents()
                .findByIdentifier(server.server().context().store().organisations().list().getFirst().id(), "I-5")
                .orElseThrow().name()).isEqualTo("Five, Quoted\nName");
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIs400() {
        ApiClient.Response typo = importCsv("extenal_id,name\nX,Y\n");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("message").asText()).contains("'extenal_id', which is not one of");

        ApiClient.Response noName = importCsv("external_id,team\nX,Y\n");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("message").asText()).contains("must have a name column");

        assertThat(importCsv("").status()).isEqualTo(400);
    }

    @Test
    void anImportLargerThanTheLimitIsRefusedWhileStreaming() {
        // rows without a name are refused without touching the database, so 20 MB of them stream through quickly
        byte[] row = "X-000000000000001,\n".getBytes();
        long rows = AgentRoutes.MAX_IMPORT_BYTES / row.length + 1000;
        HttpRequest.BodyPublisher huge = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream("external_id,name\n".getBytes()),
                new MappingApiTest.RepeatingInputStream(row, rows)));

        ApiClient.Response response = server.postBody("/api/v1/agents/import", server.ownerKey(), "text/csv", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("payload_too_large");
        assertThat(response.json().get("message").asText()).isEqualTo("The agent file is larger than the limit of 20 MB.");
    }

    @Test
    void anImportDeclaredLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
        // a raw socket, because an HTTP client will not send a Content-Length it cannot honour
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server().httpPort())) {
            String request = "POST /api/v1/agents/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + server.ownerKey() + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (AgentRoutes.MAX_IMPORT_BYTES + 1) + "\r\n\r\nexternal_id,name\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }

    @Test
    void onTheFlyCreationSettingsAreValidatedAndKeptPerCampaign() {
        String campaign = server.createCampaign("On the fly");
        String path = "/api/v1/campaigns/" + campaign + "/agent-creation";
        assertThat(server.get(path, server.ownerKey()).status()).isEqualTo(404);

        ApiClient.Response saved = server.put(path, server.ownerKey(),
                "{\"emailTemplate\": \"%firstname%.%lastname%@%domain%.com\","
                + " \"emailDomain\": \"acme\", \"defaultTeam\": \"New starters\", \"connectorName\": \"Recorder\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("enabled").asBoolean()).isTrue();
        assertThat(server.get(path, server.ownerKey()).json().get("defaultTeam").asText()).isEqualTo("New starters");

        ApiClient.Response noDomain = server.put(path, server.ownerKey(),
                "{\"emailTemplate\": \"%firstname%@%domain%.com\"}");
        assertThat(noDomain.status()).isEqualTo(400);
        assertThat(noDomain.json().get("message").asText()).contains("a domain must be set");
    }
}
