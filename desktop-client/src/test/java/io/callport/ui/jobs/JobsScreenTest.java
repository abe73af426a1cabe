package io.callport.ui.jobs;

import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Connection;
import io.callport.service.api.BatchInfo;
import io.callport.service.api.CallInfo;
import io.callport.service.api.FileInfo;
import io.callport.service.upload.RetryPolicy;
import io.callport.service.upload.UploadPlan;
import io.callport.service.upload.UploadQueue;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadTuning;
import io.callport.testing.CallportTestServer;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestFiles;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A batch sent by SFTP to a real server with its pipeline shows Completed on the Jobs screen, live. */
@ExtendWith(ApplicationExtension.class)
class JobsScreenTest {
    static final String MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"}}
            """;
    static final String CSV = """
            conversation_id,agent_email,contact_date,audio_filename
            C1,ann@example.com,2026-11-03T04:35:00+01:00,call-1.wav
            C2,bob@example.com,2026-11-03T05:35:00+01:00,call-2.wav
            """;

    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    @TempDir
    static Path dir;
    private static Connection connection;

    private UiContext context;
    private JobsModel model;

    @BeforeAll
    static void sendABatch() throws Exception {
        CallportTestServer server = SERVER.server();
        String campaignId = SERVER.campaignId();
        server.call("PATCH", "/api/v1/campaigns/" + campaignId, "{\"batchWindowSeconds\": 1}", 200);
        server.call("PUT", "/api/v1/campaigns/" + campaignId + "/mapping", MAPPING, 200);
        server.addAgent("ann@example.com", "Ann Archer");
        server.addAgent("bob@example.com", "Bob Baker");
        Path batch = Files.createDirectories(dir.resolve("batch"));
        List<Path> files = List.of(TestFiles.wav(batch.resolve("call-1.wav"), 1500, 440),
                TestFiles.wav(batch.resolve("call-2.wav"), 2500, 660), Files.writeString(batch.resolve("calls.csv"), CSV));
        connection = SERVER.connection(SERVER.sftpProfile());
        UploadQueue queue = new UploadService(dir.resolve("config"), UploadTuning.DEFAULT, RetryPolicy.DEFAULT,
                Clock.systemUTC()).prepare(connection.profile(), connection.client(), campaignId, UploadPlan.of(files));
        queue.start();
        assertThat(queue.await(Duration.ofSeconds(30))).isTrue();
        assertThat(queue.snapshot().allAccepted()).isTrue();
    }

    @Start
    void start(Stage stage) {
        model = ui.show(stage, JobsController.class, "JobsScreen.fxml").model();
        context = ui.context();
    }

    @Test
    void theBatchItsFilesAndItsCallsShowCompletedAsTheServerGetsThere(FxRobot robot) {
        robot.interact(() -> context.workspace().connectionProperty().set(connection));
        assertThat(text(robot, "#campaignLabel")).isEqualTo("Inbound Sales on test");

        UiTest.waitUntil(60, () -> model.batches().size() == 1
                && model.batches().getFirst().status().equals("COMPLETED"));
        assertThat(text(robot, "#liveLabel")).isEqualTo("● Live");
        assertThat(model.liveProperty().get()).isTrue();
        BatchInfo batch = model.batches().getFirst();
        assertThat(batch.counts().totalFiles()).isEqualTo(3);

        robot.interact(() -> model.selectedBatchProperty().set(batch));
        UiTest.waitUntil(10, () -> model.files().size() == 3);
        assertThat(model.files()).extracting(FileInfo::name, FileInfo::source, FileInfo::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("call-1.wav", "SFTP", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("call-2.wav", "SFTP", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("calls.csv", "SFTP", "COMPLETED"));

        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        UiTest.waitUntil(10, () -> model.calls().size() == 2);
        assertThat(model.calls()).extracting(CallInfo::recordingName, CallInfo::status, CallInfo::source)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("call-1.wav", "COMPLETED", "SFTP"),
                        org.assertj.core.groups.Tuple.tuple("call-2.wav", "COMPLETED", "SFTP"));
    }

    @Test
    void callsAreFilteredBySourceAndStatusAndACallIsReprocessed(FxRobot robot) {
        robot.interact(() -> context.workspace().connectionProperty().set(connection));
        UiTest.waitUntil(60, () -> model.calls().size() == 2
                && model.calls().stream().allMatch(call -> call.status().equals("COMPLETED")));
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));

        robot.interact(() -> choice(robot, "#sourceBox").setValue("API"));
        UiTest.waitUntil(10, () -> model.calls().isEmpty());
        robot.interact(() -> choice(robot, "#sourceBox").setValue("SFTP"));
        UiTest.waitUntil(10, () -> model.calls().size() == 2);
        robot.interact(() -> choice(robot, "#callStatusBox").setValue("FAILED"));
        UiTest.waitUntil(10, () -> model.calls().isEmpty());
        robot.interact(() -> choice(robot, "#callStatusBox").setValue(""));
        UiTest.waitUntil(10, () -> model.calls().size() == 2);

        CallInfo first = model.calls().stream().filter(call -> call.recordingName().equals("call-1.wav"))
                .findFirst().orElseThrow();
        robot.interact(() -> model.selectedCallProperty().set(first));
        UiTest.waitUntil(10, () -> text(robot, "#callDetailLabel").startsWith("call-1.wav: version 1, received"));
        robot.interact(() -> robot.lookup("#reprocessButton").queryAs(Button.class).fire());
        UiTest.waitUntil(10, () -> model.statusProperty().get().equals("call-1.wav is processed again."));

        UiTest.waitUntil(60, () -> model.calls().stream().anyMatch(call -> call.id().equals(first.id())
                && call.version() == 2 && call.status().equals("COMPLETED")));
        UiTest.waitUntil(10, () -> text(robot, "#callDetailLabel").startsWith("call-1.wav: version 2, processed again"));
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> choice(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ChoiceBox.class);
    }
}
