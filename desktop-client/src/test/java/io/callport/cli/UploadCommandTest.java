package io.callport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.testing.CallportTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile}, {@code upload} and {@code watch} against a real server: what they print and how they exit. */
class UploadCommandTest {
    static final String MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"}}
            """;
    static final String CSV = """
            conversation_id,agent_email,contact_date,audio_filename
            C1,ann@example.com,2026-11-03T04:35:00+01:00,call-1.mp3
            C2,bob@example.com,2026-11-03T05:35:00+01:00,call-2.mp3
            """;

    @TempDir
    Path dir;
    private CallportTestServer server;
    private String campaignFolder;
    private Path config;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startServer() {
        server = CallportTestServer.start(dir.resolve("server"));
        var campaign = server.createCampaign("Inbound Sales");
        campaignFolder = campaign.get("folder").asText();
        server.call("PUT", "/api/v1/campaigns/" + campaign.get("id").asText() + "/mapping", MAPPING, 200);
        server.createCampaign("Support");
        config = dir.resolve("config");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aProfileIsAddedWithAKeyFromAFileAndListed() throws IOException {
        assertThat(run("profile", "add", "Production", "--url", server.url(), "--api-key-file", keyFile(),
                "--campaign", "inbound sales", "--config-dir", config.toString())).isZero();
        assertThat(out.toString()).contains("saved Production: " + server.url() + ", campaign Inbound Sales, http")
                .contains("the API key is kept in a file only you can read");

        assertThat(run("profile", "list", "--config-dir", config.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo("Production\t" + server.url() + "\tInbound Sales\thttp");
        assertThat(Files.readString(config.resolve("profiles.json"))).doesNotContain(server.ownerKey());
    }

    @Test
    void aWrongKeyOrAnUnknownCampaignIsAUsageErrorWithTheReason() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "cp_" + "0".repeat(43) + "\n");
        assertThat(run("profile", "add", "Production", "--url", server.url(), "--api-key-file", wrong.toString(),
                "--config-dir", config.toString())).isEqualTo(CallportCommand.USAGE);
        assertThat(err.toString()).isEqualTo("callport: The API key is not valid." + System.lineSeparator());

        assertThat(run("profile", "add", "Production", "--url", server.url(), "--api-key-file", keyFile(),
                "--campaign", "Outbound", "--config-dir", config.toString())).isEqualTo(CallportCommand.USAGE);
        assertThat(err.toString()).startsWith("callport: The API key reaches no campaign called 'Outbound'; it "
                + "reaches ").contains("Inbound Sales (inbound-sales)");
        assertThat(config.resolve("profiles.json")).doesNotExist();
    }

    @Test
    void uploadSendsACheckedBatchOverHttpAndSendsNothingTwice() throws IOException {
        addProfile("Production", keyFile());
        Path batch = batch();

        assertThat(run("upload", "--profile", "Production", "--config-dir", config.toString(),
                batch.toString())).isZero();
        assertThat(out.toString()).isEqualTo("3 files: 3 sent, 0 sent before, 0 not sent" + System.lineSeparator());
        assertThat(err.toString()).contains("sending 3 files to Inbound Sales on Production");
        assertThat(server.arrived(campaignFolder)).hasSize(3);

        assertThat(run("upload", "--profile", "Production", "--config-dir", config.toString(),
                batch.toString())).isZero();
        assertThat(out.toString()).isEqualTo("3 files: 0 sent, 3 sent before, 0 not sent" + System.lineSeparator());
        assertThat(server.arrived(campaignFolder)).hasSize(3);
    }

    @Test
    void uploadSendsBySftpWithTheProfilesRegisteredKey() throws IOException {
        Path key = dir.resolve("id_ed25519");
        assertThat(run("keygen", "--out", key.toString())).isZero();
        assertThat(run("profile", "add", "Sftp", "--url", server.url(), "--api-key-file", keyFile(), "--campaign",
                "inbound-sales", "--ssh-key", key.toString(), "--config-dir", config.toString())).isZero();
        assertThat(out.toString()).containsPattern("saved Sftp: .*, campaign Inbound Sales, sftp as cp-\\S+@127\\.0\\.0\\.1:"
                + server.sftpPort());

        assertThat(run("upload", "--profile", "Sftp", "--config-dir", config.toString(), batch().toString())).isZero();

        assertThat(server.arrived(campaignFolder)).containsExactlyInAnyOrder("call-1.mp3", "call-2.mp3", "calls.csv");
    }

    @Test
    void aBatchWithErrorsIsNotSentAndExitsOne() throws IOException {
        addProfile("Production", keyFile());
        Path batch = batch();
        Files.writeString(batch.resolve("calls.csv"), CSV.replace("2026-11-03T05:35:00+01:00", "yesterday"));

        assertThat(run("upload", "--profile", "Production", "--config-dir", config.toString(), batch.toString()))
                .isEqualTo(CallportCommand.INVALID);
        assertThat(out.toString()).contains("calls.csv:3 [contact_date]: error DATE_UNPARSABLE");
        assertThat(err.toString()).contains("the check found errors; nothing was sent.");
        assertThat(server.arrived(campaignFolder)).isEmpty();
    }

    @Test
    void filesTheServerRefusesExitThreeAndAreListed() throws IOException {
        String campaignId = server.createCampaign("Agents only").get("id").asText();
        Path agentKey = Files.writeString(dir.resolve("agent.txt"), server.createKey("AGENT", campaignId));
        assertThat(run("profile", "add", "Agent", "--url", server.url(), "--api-key-file", agentKey.toString(),
                "--config-dir", config.toString())).isZero();

        assertThat(run("upload", "--profile", "Agent", "--config-dir", config.toString(), "--no-check",
                batch().toString())).isEqualTo(CallportCommand.NOT_SENT);
        assertThat(out.toString()).contains("call-1.mp3: not sent: ").contains("calls.csv: not sent: ")
                .endsWith("3 files: 0 sent, 0 sent before, 3 not sent" + System.lineSeparator());
    }

    @Test
    void watchOnceSendsWhatIsInTheFolderAndHoldsBackAFileWithErrors() throws IOException {
        addProfile("Production", keyFile());
        Path folder = batch();
        Files.writeString(folder.resolve("broken.csv"), "conversation_id,agent_email,contact_date,audio_filename\n"
                + "C9,ann@example.com,someday,call-1.mp3\n");
        Files.writeString(folder.resolve(".hidden.csv"), "not looked at");
        Files.writeString(folder.resolve("call-3.mp3.part"), "still being written");

        assertThat(run("watch", folder.toString(), "--profile", "Production", "--config-dir", config.toString(),
                "--settle", "0", "--interval", "0", "--once")).isEqualTo(CallportCommand.INVALID);

        assertThat(out.toString()).contains("sent " + folder.resolve("call-1.mp3"))
                .contains("sent " + folder.resolve("calls.csv"))
                .contains("held back " + folder.resolve("broken.csv") + ": 1 error")
                .contains("DATE_UNPARSABLE");
        assertThat(server.arrived(campaignFolder).stream().map(path -> path.substring(path.lastIndexOf('/') + 1)))
                .containsExactlyInAnyOrder("call-1.mp3", "call-2.mp3", "calls.csv");
    }

    // ---- helpers ----

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CallportCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void addProfile(String name, String keyFile) {
        List<String> args = new ArrayList<>(List.of("profile", "add", name, "--url", server.url(), "--api-key-file",
                keyFile, "--campaign", "Inbound Sales", "--config-dir", config.toString()));
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    }

    private String keyFile() throws IOException {
        return Files.writeString(dir.resolve("key.txt"), server.ownerKey() + "\n").toString();
    }

    private Path batch() throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        Files.writeString(batch.resolve("calls.csv"), CSV);
        for (String name : List.of("call-1.mp3", "call-2.mp3")) {
            try (InputStream mp3 = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/media/call.mp3"))) {
                Files.copy(mp3, batch.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return batch;
    }
}
