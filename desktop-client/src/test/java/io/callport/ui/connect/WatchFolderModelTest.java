package io.callport.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.upload.RetryPolicy;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadTuning;
import io.callport.testing.CallportTestServer;
import io.callport.testing.TestFiles;
import io.callport.testing.TestProfiles;
import io.callport.ui.common.UiTest;
import io.callport.ui.common.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The watch folder of the profile in use sends what appears in it to a real server while the Uploader runs. */
@ExtendWith(ApplicationExtension.class)
class WatchFolderModelTest {
    @TempDir
    Path dir;
    private CallportTestServer server;
    private final Workspace workspace = new Workspace();
    private WatchFolderModel watch;

    @Start
    void start(Stage stage) {
        watch = new WatchFolderModel(workspace, new UploadService(dir.resolve("config"), UploadTuning.DEFAULT,
                RetryPolicy.DEFAULT, Clock.systemUTC()), Clock.systemUTC(), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        watch.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void filesThatAppearInTheFolderAreSentAndCountedAndAnotherProfileStopsTheWatch(FxRobot robot) throws Exception {
        server = CallportTestServer.start(dir.resolve("server"));
        var campaign = server.createCampaign("Inbound Sales");
        String campaignId = campaign.get("id").asText();
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Profile profile = TestProfiles.http(server, campaignId).withWatchFolder(folder);

        robot.interact(() -> workspace.connectionProperty().set(new Connection(profile, TestProfiles.client(server))));
        assertThat(watch.statusProperty().get()).isEqualTo("Watching " + folder + ": nothing sent yet.");
        TestFiles.wav(folder.resolve("call-1.wav"), 1000, 440);
        Files.writeString(folder.resolve("calls.csv"), "conversation_id,agent_email,contact_date,audio_filename\n"
                + "C1,ann@example.com,2026-11-03T04:35:00+01:00,call-1.wav\n");

        UiTest.waitUntil(30, () -> watch.statusProperty().get().equals("Watching " + folder + ": 2 files sent."));
        assertThat(server.arrived(campaign.get("folder").asText()).stream()
                .map(name -> name.substring(name.lastIndexOf('/') + 1))).containsExactlyInAnyOrder("call-1.wav",
                "calls.csv");

        robot.interact(() -> workspace.connectionProperty().set(new Connection(profile.withWatchFolder(null),
                TestProfiles.client(server))));
        assertThat(watch.statusProperty().get()).isEmpty();
        TestFiles.wav(folder.resolve("call-2.wav"), 1000, 660);
        Thread.sleep(2 * WatchFolderModel.EVERY.toMillis());
        assertThat(server.arrived(campaign.get("folder").asText())).hasSize(2);
    }
}
