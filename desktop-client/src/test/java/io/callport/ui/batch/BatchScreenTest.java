package io.callport.ui.batch;

import static io.callport.ui.common.UiTest.button;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.callport.mapping.MappingJson;
import io.callport.ui.common.Drops;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.ScriptedFileDialogs;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BatchScreenTest {
    static final String MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"},
             "metadata": [{"column": "queue", "name": "Queue", "type": "string"}]}
            """;
    static final String BROKEN_CSV = """
            conversation_id,agent_email,contact_date,audio_filename,queue
            C1,ann@example.com,2026-11-03T04:35:00+01:00,call.mp3,Billing
            C2,bob@example.com,yesterday,missing.mp3,Billing
            C3,cat@example.com,2026-11-03T06:35:00+01:00
            C4,dan@example.com,2026-11-03T07:35:00+01:00,zipped.mp3,=HYPERLINK("http://x")
            """;

    private static final String SIDECAR = "20261102-083700_outbound_478.json";

    @TempDir
    Path dir;
    private Path batch;
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private ScriptedFileDialogs dialogs;
    private UiContext context;
    private BatchModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, BatchController.class, "BatchScreen.fxml").model();
        context = ui.context();
        dialogs = ui.dialogs();
    }

    @BeforeEach
    void writeBatch() throws IOException {
        batch = Files.createDirectory(dir.resolve("batch"));
        Files.writeString(batch.resolve("calls.csv"), BROKEN_CSV);
        copyFixture("media/call.mp3", batch.resolve("call.mp3"));
        copyFixture("sidecars/" + SIDECAR, batch.resolve(SIDECAR));
        Files.writeString(batch.resolve("notes.docx"), "not part of a batch");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(batch.resolve("more.zip")))) {
            zip.putNextEntry(new ZipEntry("zipped.mp3"));
            try (InputStream mp3 = fixture("media/call.mp3")) {
                mp3.transferTo(zip);
            }
        }
    }

    @Test
    void aDroppedFolderWithABrokenCsvShowsTheExpectedIssues(FxRobot robot) throws Exception {
        robot.interact(() -> context.workspace().useMapping(parse(MAPPING), "mapping.json"));

        assertThat(Drops.dropFiles(robot.lookup("#dropZone").query(), List.of(batch))).isTrue();
        UiTest.waitUntil(5, () -> model.collectedProperty().get() != null);

        assertThat(text(robot, "#metadataCount")).isEqualTo("1");
        assertThat(text(robot, "#sidecarCount")).isEqualTo("1");
        assertThat(text(robot, "#recordingCount")).isEqualTo("1");
        assertThat(text(robot, "#zipCount")).isEqualTo("1");
        assertThat(text(robot, "#otherLabel")).startsWith("1 other file is");
        assertThat(text(robot, "#mappingLabel")).isEqualTo("Mapping: mapping.json");

        robot.clickOn("#checkButton");
        UiTest.waitUntil(10, () -> model.reportProperty().get() != null);

        assertThat(issueTable(robot).getItems())
                .extracting(Issue::code, Issue::file, Issue::line, Issue::column, Issue::value)
                .containsExactlyInAnyOrder(
                        // the sidecar's fields are not the CSV's columns, and its recording is not in the batch
                        tuple(IssueCode.COLUMN_MISSING, SIDECAR, 0L, "agent_email", null),
                        tuple(IssueCode.COLUMN_MISSING, SIDECAR, 0L, "contact_date", null),
                        tuple(IssueCode.COLUMN_MISSING, SIDECAR, 0L, "conversation_id", null),
                        tuple(IssueCode.DATE_UNPARSABLE, "calls.csv", 3L, "contact_date", "yesterday"),
                        tuple(IssueCode.AUDIO_NOT_IN_BATCH, "calls.csv", 3L, "audio_filename", "missing.mp3"),
                        tuple(IssueCode.ROW_TOO_FEW_CELLS, "calls.csv", 4L, null, null),
                        tuple(IssueCode.FORMULA_INJECTION, "calls.csv", 5L, "queue", "=HYPERLINK(\"http://x\")"),
                        tuple(IssueCode.SIDECAR_ORPHAN, SIDECAR, 0L, null, null),
                        tuple(IssueCode.FILE_TYPE_UNKNOWN, "notes.docx", 0L, null, null));
        assertThat(text(robot, "#errorCount")).isEqualTo(String.valueOf(model.reportProperty().get().errors()));
        assertThat(model.reportProperty().get().errors()).isEqualTo(
                issueTable(robot).getItems().stream().filter(Issue::isError).count());
        assertThat(text(robot, "#statusLabel")).startsWith("Checked in");

        Issue dateIssue = issueTable(robot).getItems().stream()
                .filter(issue -> issue.code() == IssueCode.DATE_UNPARSABLE).findFirst().orElseThrow();
        robot.interact(() -> issueTable(robot).getSelectionModel().select(dateIssue));
        UiTest.waitUntil(5, () -> !text(robot, "#rowLabel").isEmpty());
        assertThat(text(robot, "#rowLabel")).isEqualTo("C2,bob@example.com,yesterday,missing.mp3,Billing");
        assertThat(text(robot, "#detailLabel")).startsWith("calls.csv, line 3 · contact_date — 'yesterday'");
    }

    @Test
    void theReportIsFilteredBySeverityAndTextAndExportedAsCsv(FxRobot robot) throws Exception {
        checkBatch(robot);
        int all = issueTable(robot).getItems().size();

        robot.interact(() -> model.severityFilterProperty().set(SeverityFilter.ERRORS));
        assertThat(issueTable(robot).getItems()).isNotEmpty().allMatch(issue -> issue.severity() == Severity.ERROR);
        assertThat(issueTable(robot).getItems().size()).isLessThan(all);

        robot.interact(() -> model.severityFilterProperty().set(SeverityFilter.ALL));
        robot.clickOn("#searchField").write("missing.mp3");
        assertThat(issueTable(robot).getItems()).extracting(Issue::code).containsExactly(IssueCode.AUDIO_NOT_IN_BATCH);
        assertThat(text(robot, "#shownLabel")).isEqualTo("1 of " + all + " shown");

        Path export = dir.resolve("report.csv");
        dialogs.answer(export);
        robot.clickOn("#exportButton");
        UiTest.waitUntil(5, () -> model.statusProperty().get().startsWith("Report saved"));

        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFseverity,code,file,line,column,value,message");
        assertThat(lines).hasSize(all + 1);
        assertThat(lines).anyMatch(line -> line.startsWith("error,DATE_UNPARSABLE,calls.csv,3,contact_date,yesterday,"));
        // the formula the CSV held is written so a spreadsheet shows it instead of running it
        assertThat(lines).anyMatch(line -> line.startsWith("warning,FORMULA_INJECTION,calls.csv,5,queue,\"'=HYPERLINK("));
    }

    @Test
    void withoutAMappingTheBatchCannotBeCheckedUntilOneIsOpened(FxRobot robot) throws IOException {
        Drops.dropFiles(robot.lookup("#dropZone").query(), List.of(batch.resolve("calls.csv")));
        UiTest.waitUntil(5, () -> model.collectedProperty().get() != null);

        assertThat(button(robot, "#checkButton").isDisabled()).isTrue();
        assertThat(text(robot, "#mappingLabel")).isEqualTo("No mapping yet");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"fields\": {\"agentId\": \"a\"}, \"colour\": 1}");
        dialogs.answer(broken);
        robot.clickOn("#openMappingButton");
        UiTest.waitUntil(5, () -> !model.failureProperty().get().isEmpty());
        assertThat(text(robot, "#failureLabel")).contains("broken.json").contains("colour");
        assertThat(button(robot, "#checkButton").isDisabled()).isTrue();

        Path good = Files.writeString(dir.resolve("good.json"), MAPPING);
        dialogs.answer(good);
        robot.clickOn("#openMappingButton");
        UiTest.waitUntil(5, () -> !button(robot, "#checkButton").isDisabled());
        assertThat(text(robot, "#mappingLabel")).isEqualTo("Mapping: good.json");
    }

    @Test
    void aLongCheckShowsItsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        Path large = dir.resolve("large.csv");
        try (OutputStream out = Files.newOutputStream(large)) {
            out.write("conversation_id,agent_email,contact_date,audio_filename,queue\n".getBytes(StandardCharsets.UTF_8));
            byte[] rows = ("C%d,ann@example.com,2026-11-03T04:35:00+01:00,,Billing\n".repeat(1)).getBytes();
            for (int i = 0; i < 2_000_000; i++) {
                out.write(String.format(new String(rows), i).getBytes(StandardCharsets.UTF_8));
            }
        }
        robot.interact(() -> context.workspace().useMapping(parse(MAPPING), "mapping.json"));
        dialogs.answer(large);
        robot.clickOn("#addFilesButton");
        UiTest.waitUntil(5, () -> model.collectedProperty().get() != null);

        robot.clickOn("#checkButton");
        UiTest.waitUntil(10, () -> robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress() > 0);
        assertThat(robot.lookup("#progressRow").query().isVisible()).isTrue();
        robot.clickOn("#cancelButton");
        UiTest.waitUntil(10, () -> !model.checkingProperty().get());

        assertThat(model.reportProperty().get()).isNull();
        assertThat(text(robot, "#statusLabel")).isEqualTo("The check was cancelled.");
        assertThat(robot.lookup("#progressRow").query().isVisible()).isFalse();
        assertThat(button(robot, "#checkButton").isDisabled()).isFalse();
    }

    // ---- helpers ----

    private void checkBatch(FxRobot robot) throws Exception {
        robot.interact(() -> context.workspace().useMapping(parse(MAPPING), "mapping.json"));
        dialogs.answer(batch);
        robot.clickOn("#addFolderButton");
        UiTest.waitUntil(5, () -> model.collectedProperty().get() != null);
        robot.clickOn("#checkButton");
        UiTest.waitUntil(10, () -> model.reportProperty().get() != null);
    }

    private static io.callport.mapping.FieldMapping parse(String json) {
        try {
            return MappingJson.parse(json);
        } catch (io.callport.mapping.InvalidMappingException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream fixture(String name) {
        return Objects.requireNonNull(BatchScreenTest.class.getResourceAsStream("/fixtures/" + name), name);
    }

    private static void copyFixture(String name, Path target) throws IOException {
        try (InputStream in = fixture(name)) {
            Files.copy(in, target);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<Issue> issueTable(FxRobot robot) {
        return robot.lookup("#issueTable").queryAs(TableView.class);
    }
}
