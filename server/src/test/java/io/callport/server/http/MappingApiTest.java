package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MappingApiTest {
    private static final String MAPPING = """
            {"fields": {"agentId": "Agent Email", "contactDate": "Call Start", "contactReference": "Call ID",
                        "audioFilename": "Recording"}}
            """;
    private static final String SAMPLE = """
            Call ID;Agent Email;Call Start;Recording;Queue
            c-1;ann@acme.example;2026-03-01T09:27:23+00:00;c-1.wav;Sales
            c-2;bob@acme.example;2026-03-01T10:02:11+00:00;c-2.wav;Support
            """;

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    private static String path(String campaignId) {
        return "/api/v1/campaigns/" + campaignId + "/mapping";
    }

    @Test
    void eachSaveIsANewVersionAndTheLatestIsCurrent() {
        String campaign = server.createCampaign("Mapped");
        assertThat(server.get(path(campaign), server.ownerKey()).status()).isEqualTo(404);

        ApiClient.Response first = server.put(path(campaign), server.ownerKey(), MAPPING);
        ApiClient.Response second = server.put(path(campaign), server.ownerKey(),
                MAPPING.replace("\"Recording\"", "\"Recording File\""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        JsonNode current = server.get(path(campaign), server.ownerKey()).json();
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.at("/mapping/fields/audioFilename").asText()).isEqualTo("Recording File");
        assertThat(current.at("/mapping/dialect/delimiter").asText()).as("defaults are filled in").isEqualTo(",");
        JsonNode versions = server.get(path(campaign) + "/versions", server.ownerKey()).json();
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.get(1).at("/mapping/fields/audioFilename").asText()).isEqualTo("Recording");
    }

    @Test
    void anIncompleteOrMalformedMappingIs400WithTheReason() {
        String campaign = server.createCampaign("Broken mapping");

        ApiClient.Response missingField = server.put(path(campaign), server.ownerKey(),
                "{\"fields\": {\"agentId\": \"Agent\", \"contactDate\": \"Date\"}}");
        assertThat(missingField.status()).isEqualTo(400);
        assertThat(missingField.error()).isEqualTo("invalid_mapping");
        assertThat(missingField.json().get("message").asText()).contains("contactReference is not mapped");

        ApiClient.Response unknownKey = server.put(path(campaign), server.ownerKey(), "{\"feilds\": {}}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().get("message").asText()).contains("unknown key \"feilds\"");

        ApiClient.Response notJson = server.put(path(campaign), server.ownerKey(), "{\"fields\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error()).isEqualTo("invalid_mapping");
        assertThat(server.get(path(campaign) + "/versions", server.ownerKey()).json()).isEmpty();
    }

    @Test
    void aSampleGivesDialectHeaderPreviewAndASuggestedMappingThatSavedMappingsMustMatch() {
        String campaign = server.createCampaign("Sampled");

        ApiClient.Response detected = server.postBody(path(campaign) + "/sample", server.ownerKey(), "text/csv",
                HttpRequest.BodyPublishers.ofString(SAMPLE));

        assertThat(detected.status()).isEqualTo(200);
        JsonNode sample = detected.json();
        assertThat(sample.at("/dialect/delimiter").asText()).isEqualTo(";");
        assertThat(sample.get("header").toString())
                .isEqualTo("[\"Call ID\",\"Agent Email\",\"Call Start\",\"Recording\",\"Queue\"]");
        assertThat(sample.get("preview")).hasSize(2);
        assertThat(sample.at("/preview/1/0").asText()).isEqualTo("c-2");
        assertThat(sample.at("/suggestedMapping/fields/agentId").asText()).isEqualTo("Agent Email");
        assertThat(sample.at("/suggestedMapping/fields/contactReference").asText()).isEqualTo("Call ID");

        ApiClient.Response suggestionSaved = server.put(path(campaign), server.ownerKey(),
                sample.get("suggestedMapping").toString());
        assertThat(suggestionSaved.status()).isEqualTo(200);

        ApiClient.Response mismatch = server.put(path(campaign), server.ownerKey(),
                MAPPING.replace("\"Call ID\"", "\"Conversation\""));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.error()).isEqualTo("mapping_does_not_match_sample");
        assertThat(mismatch.json().get("message").asText())
                .contains("has no column Conversation", "Its columns are: Call ID, Agent Email");
    }

    @Test
    void aLargeSampleIsStreamedWithoutBeingHeld() {
        String campaign = server.createCampaign("Big sample");
        String row = "c-1;ann@acme.example;2026-03-01T09:27:23+00:00;c-1.wav;Sales\n";
        // about 30 MB made while sent: the server detects from the start and discards the rest unheld
        HttpRequest.BodyPublisher big = HttpRequest.BodyPublishers.ofInputStream(() ->
                new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(SAMPLE.getBytes()),
                        new RepeatingInputStream(row.getBytes(), 500_000)));

        ApiClient.Response detected = server.postBody(path(campaign) + "/sample", server.ownerKey(), "text/csv", big);

        assertThat(detected.status()).isEqualTo(200);
        assertThat(detected.json().get("header")).hasSize(5);
    }

    /** {@code times} copies of {@code chunk}, made while read. */
    static final class RepeatingInputStream extends java.io.InputStream {
        private final byte[] chunk;
        private long remaining;
        private int position;

        RepeatingInputStream(byte[] chunk, long times) {
            this.chunk = chunk;
            this.remaining = times;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            int b = chunk[position++];
            if (position == chunk.length) {
                position = 0;
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = 0;
            while (count < length && remaining > 0) {
                int n = Math.min(length - count, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset + count, n);
                count += n;
                position += n;
                if (position == chunk.length) {
                    position = 0;
                    remaining--;
                }
            }
            return count;
        }
    }
}
