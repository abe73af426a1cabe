package io.callport.server.upload;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.SizeLimits;
import io.callport.server.landing.UploadSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/calls/upload over real HTTP, from java.net.http and from curl. */
class OneShotUploadTest extends UploadServerFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----callport-test-boundary";

    @Test
    void recordingWithMetadataLandsBesideItsSidecar() throws Exception {
        byte[] recording = randomBytes(2_500_000, 31);
        byte[] body = MultipartForm.form(List.of(
                MultipartForm.field("campaignId", TestCampaigns.SALES_ID),
                MultipartForm.field("metadata", "{\"agent\":\"ann\",\"direction\":\"outbound\"}"),
                MultipartForm.filePart("file", "20261102-083700_outbound_478.wav", recording)));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri(UploadRoutes.ONE_SHOT_PATH))
                .header("Authorization", "Bearer " + TestCampaigns.SALES_KEY)
                .header("Content-Type", "multipart/form-data; boundary=----CallportBoundary7MA4YWxk")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = JSON.readTree(response.body());
        String uploadId = result.get("uploadId").asText();
        assertThat(result.get("file").asText()).isEqualTo("uploads/" + uploadId + "/20261102-083700_outbound_478.wav");
        assertThat(result.get("size").asLong()).isEqualTo(recording.length);
        assertThat(result.get("campaignId").asText()).isEqualTo(TestCampaigns.SALES_ID);

        assertThat(events).extracting(LandedFile::relativePath).containsExactly(
                "uploads/" + uploadId + "/20261102-083700_outbound_478.json",
                "uploads/" + uploadId + "/20261102-083700_outbound_478.wav");
        assertThat(events).extracting(LandedFile::source).containsOnly(UploadSource.API);
        assertThat(events.get(0).file()).hasContent("{\"agent\":\"ann\",\"direction\":\"outbound\"}");
        assertThat(events.get(1).file()).hasBinaryContent(recording);
        assertThat(events.get(1).uploadId()).isEqualTo(uploadId);
        assertThat(partials()).isEmpty();
    }

    @Test
    void curlUploadWorksWithTheCampaignAfterTheFile() throws Exception {
        Path recording = Files.write(dir.resolve("call 1.mp3"), randomBytes(1_000_000, 32));

        String output = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.ORG_KEY,
                "-F", "file=@" + recording, "-F", "campaignId=" + TestCampaigns.SUPPORT_ID,
                uri(UploadRoutes.ONE_SHOT_PATH).toString());

        assertThat(output).as(output).endsWith("\n201");
        JsonNode result = JSON.readTree(output.substring(0, output.lastIndexOf('\n')));
        assertThat(result.get("size").asLong()).isEqualTo(Files.size(recording));
        assertThat(events).singleElement().satisfies(landed -> {
            assertThat(sha256(landed.file())).isEqualTo(sha256(Files.readAllBytes(recording)));
            assertThat(landed.campaign()).isEqualTo(TestCampaigns.SUPPORT.folder());
            assertThat(landed.relativePath()).endsWith("/call 1.mp3");
        });
    }

    @Test
    void campaignOutsideTheKeysScopeIsRefusedAndNothingIsKept() throws Exception {
        Path recording = Files.write(dir.resolve("call.wav"), randomBytes(300_000, 33));

        String output = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.SALES_KEY,
                "-F", "campaignId=" + TestCampaigns.SUPPORT_ID, "-F", "file=@" + recording,
                uri(UploadRoutes.ONE_SHOT_PATH).toString());

        assertThat(output).endsWith("\n403").contains("This key cannot upload to campaign c-support.");
        assertThat(events).isEmpty();
        assertThat(partials()).isEmpty();
    }

    @Test
    void fileOverTheLimitIsRefusedWith413AndLeavesNothing() throws Exception {
        start(new SizeLimits(1 << 20, 2 << 20, 100 << 10));
        Path recording = Files.write(dir.resolve("call.wav"), randomBytes(3 << 20, 34));

        String output = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.SALES_KEY,
                "-F", "campaignId=" + TestCampaigns.SALES_ID, "-F", "file=@" + recording,
                uri(UploadRoutes.ONE_SHOT_PATH).toString());

        assertThat(output).endsWith("\n413")
                .contains("call.wav is larger than the 1 MB limit for a recording; it was not kept.");
        assertThat(events).isEmpty();
        assertThat(partials()).isEmpty();
        assertThat(landing.campaignDir(TestCampaigns.SALES.folder())).isEmptyDirectory();
    }

    @Test
    void declaredBodyBeyondEveryLimitIsRefusedBeforeItIsSent() throws Exception {
        start(new SizeLimits(1 << 20, 2 << 20, 100 << 10));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri(UploadRoutes.ONE_SHOT_PATH))
                .header("Authorization", "Bearer " + TestCampaigns.SALES_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.noBody(), 50L << 20))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the largest file Callport accepts (2 MB)");
    }

    @Test
    void hiddenOrPathLikeNamesAndBadMetadataAreRefused() throws Exception {
        Path recording = Files.write(dir.resolve("x.wav"), new byte[10]);

        String hidden = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.SALES_KEY,
                "-F", "campaignId=" + TestCampaigns.SALES_ID, "-F", "file=@" + recording + ";filename=.x.wav",
                uri(UploadRoutes.ONE_SHOT_PATH).toString());
        String badMetadata = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.SALES_KEY,
                "-F", "campaignId=" + TestCampaigns.SALES_ID, "-F", "metadata=[1,2]", "-F", "file=@" + recording,
                uri(UploadRoutes.ONE_SHOT_PATH).toString());
        String noFile = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TestCampaigns.SALES_KEY,
                "-F", "campaignId=" + TestCampaigns.SALES_ID, uri(UploadRoutes.ONE_SHOT_PATH).toString());

        assertThat(hidden).endsWith("\n400").contains("looks like a temporary file");
        assertThat(badMetadata).endsWith("\n400").contains("The metadata must be a JSON object");
        assertThat(noFile).endsWith("\n400").contains("The form has no file part.");
        assertThat(events).isEmpty();
        assertThat(partials()).isEmpty();
    }
}
