package io.callport.server.upload;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.LandedFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presigned flow: ask with an API key, then upload the signed form with no key at all. */
class PresignedUploadTest extends UploadServerFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signedFormUploadsWithoutAnApiKey() throws Exception {
        byte[] recording = randomBytes(1_200_000, 41);
        Path file = Files.write(dir.resolve("call.wav"), recording);
        JsonNode presigned = presign(TestCampaigns.SALES_KEY, Map.of("campaignId", TestCampaigns.SALES_ID,
                "filename", "20261102-110500_inbound_478.wav", "size", recording.length,
                "metadata", Map.of("agent", "ann", "durationSeconds", 75)));

        assertThat(presigned.get("url").asText()).isEqualTo(uri(UploadRoutes.PRESIGNED_PATH).toString());
        String key = presigned.at("/fields/key").asText();
        assertThat(key).matches("uploads/[0-9a-f-]{36}/20261102-110500_inbound_478.wav");
        String output = uploadForm(presigned, "file=@" + file);

        assertThat(output).endsWith("\n201");
        assertThat(JSON.readTree(output.substring(0, output.lastIndexOf('\n'))).get("size").asLong())
                .isEqualTo(recording.length);
        assertThat(sha256(events.get(1).file())).isEqualTo(sha256(recording));
        assertThat(events).extracting(LandedFile::relativePath)
                .containsExactly(key.replace(".wav", ".json"), key);
        assertThat(JSON.readTree(events.get(0).file().toFile()))
                .isEqualTo(JSON.readTree("{\"agent\":\"ann\",\"durationSeconds\":75}"));
        assertThat(events.get(1).file()).hasBinaryContent(recording);
    }

    @Test
    void tamperedExpiredOrOversizedUploadsAreRefusedAndLeaveNothing() throws Exception {
        Path file = Files.write(dir.resolve("call.wav"), randomBytes(2000, 42));
        JsonNode presigned = presign(TestCampaigns.SALES_KEY, Map.of("campaignId", TestCampaigns.SALES_ID,
                "filename", "call.wav", "size", 1500));

        String oversized = uploadForm(presigned, "file=@" + file);
        String tampered = curl("-w", "\n%{http_code}",
                "-F", "key=" + presigned.at("/fields/key").asText(),
                "-F", "policy=" + presigned.at("/fields/policy").asText(),
                "-F", "signature=" + tampered(presigned.at("/fields/signature").asText()),
                "-F", "file=@" + file, presigned.get("url").asText());
        String fileFirst = curl("-w", "\n%{http_code}", "-F", "file=@" + file,
                "-F", "policy=" + presigned.at("/fields/policy").asText(), presigned.get("url").asText());
        clock.advance(Duration.ofHours(2));
        String expired = uploadForm(presigned, "file=@" + file);

        assertThat(oversized).endsWith("\n413")
                .contains("call.wav is larger than its declared size of 1.5 KB; it was not kept.");
        assertThat(tampered).endsWith("\n403").contains("The upload signature does not match its policy.");
        assertThat(fileFirst).endsWith("\n400").contains("Send the policy and signature fields before the file.");
        assertThat(expired).endsWith("\n403").contains("This upload link expired at");
        assertThat(events).isEmpty();
        assertThat(partials()).isEmpty();
    }

    @Test
    void presignIsRefusedWhenTheMonthlyMinutesWouldRunOut() throws Exception {
        minutes.put("org-acme", new MonthlyMinutes(590, 600));

        HttpResponse<String> byDuration = post(TestCampaigns.SALES_KEY, Map.of("campaignId", TestCampaigns.SALES_ID,
                "filename", "long.wav", "size", 1000, "metadata", Map.of("durationSeconds", 900)));
        HttpResponse<String> bySize = post(TestCampaigns.SALES_KEY, Map.of("campaignId", TestCampaigns.SALES_ID,
                "filename", "big.wav", "size", MinutesEstimate.ASSUMED_BYTES_PER_SECOND * 60 * 11));
        HttpResponse<String> fits = post(TestCampaigns.SALES_KEY, Map.of("campaignId", TestCampaigns.SALES_ID,
                "filename", "short.wav", "size", MinutesEstimate.ASSUMED_BYTES_PER_SECOND * 60 * 9));

        assertThat(byDuration.statusCode()).isEqualTo(403);
        assertThat(byDuration.body()).contains("This upload adds about 15.0 minutes of audio, but the organisation"
                + " has 10.0 of its 600 minutes for this month left.").contains(PresignHandler.MINUTES_EXCEEDED);
        assertThat(bySize.statusCode()).isEqualTo(403);
        assertThat(bySize.body()).contains("about 11.0 minutes");
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
    }

    @Test
    void presignNeedsAKeyForTheCampaignAndASaneRequest() throws Exception {
        Map<String, Object> request = Map.of("campaignId", TestCampaigns.SUPPORT_ID, "filename", "a.wav", "size", 10);

        assertThat(post(TestCampaigns.SALES_KEY, request).statusCode()).isEqualTo(403);
        assertThat(post("cp_unknown", request).statusCode()).isEqualTo(401);
        HttpResponse<String> tooBig = post(TestCampaigns.ORG_KEY, Map.of("campaignId", TestCampaigns.SUPPORT_ID,
                "filename", "batch.zip", "size", 4L << 30));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("batch.zip is larger than the 3 GB limit for a zip.");
        HttpResponse<String> noSize = post(TestCampaigns.ORG_KEY, Map.of("campaignId", TestCampaigns.SUPPORT_ID,
                "filename", "a.wav"));
        assertThat(noSize.statusCode()).isEqualTo(400);
        assertThat(noSize.body()).contains("Give the file's size in bytes as \"size\".");
    }

    /** The same signature with its first character changed. */
    private static String tampered(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }

    private JsonNode presign(String key, Map<String, Object> request) throws Exception {
        HttpResponse<String> response = post(key, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String key, Map<String, Object> request) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(UploadRoutes.PRESIGN_PATH))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the signed fields in order, then the given file part, as a browser form would; no API key. */
    private static String uploadForm(JsonNode presigned, String filePart) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-w", "\n%{http_code}"));
        for (Iterator<Map.Entry<String, JsonNode>> fields = presigned.get("fields").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            arguments.addAll(List.of("-F", field.getKey() + "=" + field.getValue().asText()));
        }
        arguments.addAll(List.of("-F", filePart, presigned.get("url").asText()));
        return curl(arguments.toArray(String[]::new));
    }
}
