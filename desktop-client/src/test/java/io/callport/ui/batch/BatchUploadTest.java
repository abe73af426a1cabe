package io.callport.ui.batch;

import static io.callport.ui.common.UiTest.button;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.mapping.MappingJson;
import io.callport.service.Connection;
import io.callport.service.upload.FileState;
import io.callport.service.upload.UploadSnapshot;
import io.callport.service.upload.UploadState;
import io.callport.service.upload.UploadTuning;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestFiles;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import io.callport.validate.Batch;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The batch screen sends a checked batch to a real server, with progress, pause, resume and stop. */
@ExtendWith(ApplicationExtension.class)
class BatchUploadTest {
    static final String CSV = """
            conversation_id,agent_email,contact_date,audio_filename,queue
            C1,ann@example.com,2026-11-03T04:35:00+01:00,call-1.mp3,Billing
            C2,bob@example.com,2026-11-03T05:35:00+01:00,call-2.mp3,Sales
            """;

    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();

    @TempDir
    Path dir;
    private UiContext context;
    private BatchModel model;

    @Start
    void start(Stage stage) {
        // chunks of 64 KiB over HTTP: an upload on loopback must still be running when the test presses its buttons
        ui.sendWith(UploadTuning.DEFAULT.withTusChunk(64 * 1024));
        model = ui.show(stage, BatchController.class, "BatchScreen.fxml").model();
        context = ui.context();
    }

    @Test
    void aCleanBatchIsSentBySftpAndEveryFileShowsSent(FxRobot robot) throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        Files.writeString(batch.resolve("calls.csv"), CSV);
        copyFixture(batch.resolve("call-1.mp3"));
        copyFixture(batch.resolve("call-2.mp3"));
        var mapping = MappingJson.parse(BatchScreenTest.MAPPING);
        robot.interact(() -> context.workspace().useMapping(mapping, "mapping.json"));
        ui.dialogs().answer(batch);
        robot.clickOn("#addFolderButton");
        UiTest.waitUntil(5, () -> model.collectedProperty().get() != null);
        robot.clickOn("#checkButton");
        UiTest.waitUntil(10, () -> model.reportProperty().get() != null);
        assertThat(model.reportProperty().get().hasErrors()).isFalse();
        assertThat(button(robot, "#uploadButton").isDisabled()).as("no server yet").isTrue();
        assertThat(text(robot, "#uploadHintLabel")).startsWith("Set up a server");

        Connection connection = SERVER.connection(SERVER.sftpProfile());
        robot.interact(() -> context.workspace().connectionProperty().set(connection));
        assertThat(text(robot, "#uploadHintLabel")).startsWith("To Inbound Sales on test, by SFTP.");
        robot.clickOn("#uploadButton");
        UiTest.waitUntil(30, () -> model.upload().stateProperty().get() == UploadState.FINISHED);

        assertThat(text(robot, "#uploadOutcomeLabel")).isEqualTo("All 3 files are on the server.");
        assertThat(model.upload().rows()).extracting(FileRow::name)
                .containsExactly("call-1.mp3", "call-2.mp3", "calls.csv");
        assertThat(model.upload().rows()).allSatisfy(row -> {
            assertThat(row.statusProperty().get()).isEqualTo("Sent");
            assertThat(row.progressProperty().get()).isEqualTo(1.0);
        });
        assertThat(uploadTable(robot).getItems()).hasSize(3);
        assertThat(text(robot, "#uploadOverallLabel")).endsWith("3 of 3 files on the server");
        assertThat(robot.lookup("#reportBox").query().isVisible()).isFalse();
        assertThat(SERVER.server().arrived(SERVER.campaignFolder())).containsExactlyInAnyOrder("call-1.mp3", "call-2.mp3", "calls.csv");
        assertThat(button(robot, "#addFolderButton").isDisabled()).isFalse();
    }

    @Test
    void anUploadIsPausedResumedAndStopped(FxRobot robot) throws Exception {
        List<Path> files = TestFiles.batch(dir.resolve("big"), 3, 40_000_000);
        Connection connection = SERVER.connection(SERVER.httpProfile());
        UploadModel upload = model.upload();

        robot.interact(() -> upload.start(new Batch(files.stream().map(io.callport.validate.BatchFile::of).toList(),
                true), connection));
        UiTest.waitUntil(20, () -> upload.stateProperty().get() == UploadState.RUNNING);
        // fired at once: a robot's mouse takes longer to get there than loopback takes to send the files
        robot.interact(() -> button(robot, "#pauseButton").fire());
        assertThat(upload.stateProperty().get()).isEqualTo(UploadState.PAUSED);
        assertThat(button(robot, "#pauseButton").isDisabled()).isTrue();
        assertThat(button(robot, "#resumeButton").isDisabled()).isFalse();
        long held = sentAfterSettling(upload);
        Thread.sleep(600);
        assertThat(sentAfterSettling(upload)).as("nothing moves while paused").isEqualTo(held);

        robot.interact(() -> button(robot, "#resumeButton").fire());
        UiTest.waitUntil(20, () -> upload.snapshotProperty().get().sentBytes() > held);
        robot.interact(() -> button(robot, "#stopButton").fire());
        UiTest.waitUntil(10, () -> upload.stateProperty().get() == UploadState.CANCELLED);

        assertThat(text(robot, "#uploadOutcomeLabel")).startsWith("Upload stopped.");
        UploadSnapshot stopped = upload.snapshotProperty().get();
        assertThat(stopped.count(FileState.CANCELLED)).isPositive();
        assertThat(button(robot, "#stopButton").isDisabled()).isTrue();
    }

    /** The bytes sent once the transfers have stopped at the pause gate and the screen has refreshed. */
    private static long sentAfterSettling(UploadModel upload) throws InterruptedException {
        Thread.sleep(600);
        return upload.snapshotProperty().get().sentBytes();
    }

    private static void copyFixture(Path target) throws Exception {
        try (InputStream in = Objects.requireNonNull(BatchUploadTest.class.getResourceAsStream(
                "/fixtures/media/call.mp3"))) {
            Files.copy(in, target);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<FileRow> uploadTable(FxRobot robot) {
        return robot.lookup("#uploadTable").queryAs(TableView.class);
    }
}
