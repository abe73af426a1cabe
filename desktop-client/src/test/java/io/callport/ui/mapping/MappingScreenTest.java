package io.callport.ui.mapping;

import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.csv.CsvRow;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.MappingJson;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import io.callport.service.Sample;
import io.callport.ui.common.Drops;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.ScriptedFileDialogs;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MappingScreenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private ScriptedFileDialogs dialogs;
    private UiContext context;
    private MappingModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, MappingController.class, "MappingScreen.fxml").model();
        context = ui.context();
        dialogs = ui.dialogs();
    }

    @Test
    void mapsTheEvaluagentExportWithEverySuggestionAndSavesTheJson(FxRobot robot) throws Exception {
        open(robot, fixture("evaluagent-style.csv"));

        assertThat(combo(robot, "#delimiterBox").getValue()).isEqualTo(",");
        assertThat(combo(robot, "#agentBox").getValue()).isEqualTo("agent_email");
        assertThat(combo(robot, "#dateBox").getValue()).isEqualTo("contact_date");
        assertThat(combo(robot, "#referenceBox").getValue()).isEqualTo("conversation_id");
        assertThat(combo(robot, "#audioBox").getValue()).isEqualTo("audio_filename");
        assertThat(previewTable(robot).getItems()).hasSize(40);
        assertThat(previewTable(robot).getColumns()).extracting(column -> column.getText())
                .containsExactly("Line", "conversation_id", "agent_email", "contact_date", "audio_filename", "queue",
                        "direction", "duration_seconds", "disposition");
        UiTest.waitUntil(5, () -> model.reportProperty().get() != null);
        assertThat(model.issues()).isEmpty();

        JsonNode saved = save(robot, "evaluagent-mapping.json");

        assertThat(dialogs.lastSuggestedName()).isEqualTo("evaluagent-style-mapping.json");
        assertThat(saved.at("/fields/agentId").asText()).isEqualTo("agent_email");
        assertThat(saved.at("/fields/contactDate").asText()).isEqualTo("contact_date");
        assertThat(saved.at("/fields/contactReference").asText()).isEqualTo("conversation_id");
        assertThat(saved.at("/fields/audioFilename").asText()).isEqualTo("audio_filename");
        assertThat(saved.at("/dateFormat").asText()).isEqualTo("ISO_OFFSET_DATE_TIME");
        assertThat(saved.at("/dialect/delimiter").asText()).isEqualTo(",");
        FieldMapping mapping = MappingJson.read(dir.resolve("evaluagent-mapping.json"));
        assertThat(mapping.metadata()).containsExactly(
                new MetadataColumn("queue", "Queue", MetadataType.STRING),
                new MetadataColumn("direction", "Direction", MetadataType.STRING),
                new MetadataColumn("duration_seconds", "Duration seconds", MetadataType.INTEGER),
                new MetadataColumn("disposition", "Disposition", MetadataType.STRING));
        assertThat(context.workspace().mappingProperty().get()).isEqualTo(mapping);
        assertThat(context.workspace().mappingOriginProperty().get()).isEqualTo("evaluagent-mapping.json");
    }

    @Test
    void readsTheExcelExportsDayFirstDatesInUtcAndSavesThePattern(FxRobot robot) throws IOException {
        Drops.dropFiles(robot.lookup("#dropZone").query(), List.of(fixture("excel-export-bom-crlf.csv")));
        waitForPreview();

        assertThat(combo(robot, "#encodingBox").getValue()).isEqualTo("UTF-8");
        assertThat(combo(robot, "#agentBox").getValue()).isEqualTo("Agent ID");
        assertThat(combo(robot, "#dateBox").getValue()).isEqualTo("Call Start (UTC)");
        assertThat(combo(robot, "#referenceBox").getValue()).isEqualTo("Call ID");
        assertThat(combo(robot, "#audioBox").getValue()).isEqualTo("Recording");
        assertThat(combo(robot, "#dateFormatBox").getValue()).isEqualTo("dd/MM/yyyy HH:mm:ss");
        assertThat(combo(robot, "#timeZoneBox").getValue()).isEqualTo("UTC");
        assertThat(text(robot, "#notesLabel")).contains("day/month");
        // a quoted cell with the delimiter and doubled quotes is one cell
        assertThat(previewTable(robot).getItems().get(2).cells()[4]).isEqualTo("Customer said \"call me back, please\"");
        Instant secondOfNovember = Instant.parse("2026-11-02T08:00:00Z");
        assertThat(text(robot, "#dateReadingLabel")).contains("02/11/2026 08:00:00").contains(localized(secondOfNovember));

        robot.interact(() -> combo(robot, "#dateFormatBox").setValue("MM/dd/yyyy HH:mm:ss"));

        assertThat(text(robot, "#dateReadingLabel")).contains(localized(Instant.parse("2026-02-11T08:00:00Z")));
        robot.interact(() -> combo(robot, "#dateFormatBox").setValue("dd/MM/yyyy HH:mm:ss"));
        JsonNode saved = save(robot, "excel.json");
        assertThat(saved.at("/fields/contactDate").asText()).isEqualTo("Call Start (UTC)");
        assertThat(saved.at("/dateFormat").asText()).isEqualTo("dd/MM/yyyy HH:mm:ss");
        assertThat(saved.at("/timeZone").asText()).isEqualTo("UTC");
        assertThat(saved.at("/metadata/0/column").asText()).isEqualTo("Notes");
        assertThat(saved.at("/metadata")).hasSize(1);
    }

    @Test
    void theRaisetalkExportNeedsItsFieldsChosenAndAnUnsuitableDateColumnIsMarkedOnItsCells(FxRobot robot)
            throws IOException {
        open(robot, fixture("raisetalk-style.csv"));

        assertThat(combo(robot, "#delimiterBox").getValue()).isEqualTo(";");
        assertThat(combo(robot, "#audioBox").getValue()).isEqualTo("Filename");
        assertThat(combo(robot, "#agentBox").getValue()).isNull();
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#problemsLabel")).contains("agentId").contains("contactDate")
                .contains("contactReference");

        robot.interact(() -> {
            combo(robot, "#agentBox").setValue("Advisor Lastname");
            combo(robot, "#referenceBox").setValue("Outgoing");
            combo(robot, "#dateBox").setValue("Line");
        });
        UiTest.waitUntil(5, () -> !model.issues().isEmpty());

        assertThat(model.issues()).extracting(Issue::code).containsOnly(IssueCode.DATE_UNPARSABLE);
        Issue first = model.issues().getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.column()).isEqualTo("Line");
        assertThat(first.value()).isEqualTo("492");
        assertThat(previewCell(robot, 2, "Line").getStyleClass()).contains("issue-error");
        assertThat(previewCell(robot, 2, "Channel").getStyleClass()).doesNotContain("issue-error");
        Issue last = model.issues().getLast();
        robot.interact(() -> robot.lookup("#issueTable").queryAs(TableView.class).getSelectionModel().select(last));
        assertThat(previewTable(robot).getSelectionModel().getSelectedItem().line()).isEqualTo(last.line());
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(model.metadata()).extracting(MetadataRow::column)
                .containsExactly("Advisor Firstname", "Channel", "Reason");
        JsonNode saved = save(robot, "raisetalk.json");
        assertThat(saved.at("/dialect/delimiter").asText()).isEqualTo(";");
        assertThat(saved.at("/fields/agentId").asText()).isEqualTo("Advisor Lastname");
        assertThat(saved.at("/fields/audioFilename").asText()).isEqualTo("Filename");
        assertThat(saved.at("/metadata")).extracting(node -> node.get("column").asText())
                .containsExactly("Advisor Firstname", "Channel", "Reason");
    }

    @Test
    void editingTheDialectRereadsThePreview(FxRobot robot) {
        open(robot, fixture("evaluagent-style.csv"));

        robot.interact(() -> model.headerProperty().set(false));
        UiTest.waitUntil(5, () -> previewTable(robot).getColumns().size() == 9
                && "1".equals(previewTable(robot).getColumns().get(1).getText()));

        assertThat(previewTable(robot).getItems()).hasSize(41);
        assertThat(previewTable(robot).getItems().getFirst().cells()[0]).isEqualTo("conversation_id");
        assertThat(combo(robot, "#agentBox").getValue()).isNull();
        assertThat(text(robot, "#problemsLabel")).contains("agentId");

        robot.interact(() -> model.headerProperty().set(true));
        robot.interact(() -> combo(robot, "#delimiterBox").setValue(";"));
        UiTest.waitUntil(5, () -> previewTable(robot).getColumns().size() == 2);

        assertThat(previewTable(robot).getColumns().get(1).getText()).startsWith("conversation_id,agent_email");
    }

    @Test
    void aWrongDelimiterIsExplainedAndKeepsTheMappingFromBeingSaved(FxRobot robot) {
        open(robot, fixture("evaluagent-style.csv"));

        robot.interact(() -> combo(robot, "#delimiterBox").setValue("\""));

        assertThat(text(robot, "#dialectProblemLabel")).contains("different characters");
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void theConventionBuilderShowsWhatAPresetReadsFromSampleNames(FxRobot robot) {
        open(robot, fixture("evaluagent-style.csv"));

        robot.interact(() -> model.convention().choosePreset(ConventionPreset.DIRECTION));
        robot.interact(() -> model.convention().trialNameProperty().set("20261102-083700_inbound_478.wav"));

        List<NameSample> samples = model.convention().samples();
        assertThat(samples.getFirst().name()).isEqualTo("20261102-083700_inbound_478.wav");
        assertThat(samples.getFirst().problem()).isNull();
        assertThat(samples.getFirst().reading()).contains("direction = inbound").contains("agentId = 478");
        // the export's own names have no such parts
        assertThat(samples.get(1).name()).isEqualTo("call-0001.mp3");
        assertThat(samples.get(1).problem()).isNotBlank();
        assertThat(samples).hasSize(1 + ConventionModel.SAMPLE_NAMES);
        assertThat(model.mappingBinding().get().fileNameConvention().pattern())
                .isEqualTo("yyyyMMdd-HHmmss_direction_uid");

        robot.interact(() -> model.convention().patternProperty().set("yyyyMMdd_yyyy"));
        assertThat(text(robot, "#conventionProblemLabel")).isNotBlank();
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void previewsA150MegabyteExportFromItsFirstRowsOnly(FxRobot robot) throws IOException {
        // how fast this is shown is measured by the benchmark, not here: a timed test fails on a busy machine
        Path large = dir.resolve("large-export.csv");
        writeLargeCsv(large, 150L * 1024 * 1024);

        Drops.dropFiles(robot.lookup("#dropZone").query(), List.of(large));
        UiTest.waitUntil(30, () -> !previewTable(robot).getItems().isEmpty());

        List<CsvRow> rows = previewTable(robot).getItems();
        assertThat(rows.getFirst().cells()[0]).isEqualTo("CONV-1");
        // only whole rows of the first 64 KB: the last one shown is complete
        assertThat(rows.getLast().cells()).hasSize(6);
        assertThat(rows.size()).isBetween(500, 1000);
        assertThat(text(robot, "#statusLabel")).contains("large-export.csv").contains("150 MB");
    }

    // ---- helpers ----

    private void open(FxRobot robot, Path file) {
        dialogs.answer(file);
        robot.clickOn("#openButton");
        waitForPreview();
    }

    private void waitForPreview() {
        UiTest.waitUntil(10, () -> model.sampleProperty().get() != null && !model.busy().get());
    }

    private JsonNode save(FxRobot robot, String name) throws IOException {
        Path target = dir.resolve(name);
        dialogs.answer(target);
        robot.clickOn("#saveButton");
        UiTest.waitUntil(5, () -> Files.exists(target) && model.statusProperty().get().contains(name));
        return JSON.readTree(target.toFile());
    }

    private Path fixture(String name) {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/csv/" + name))) {
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeLargeCsv(Path file, long bytes) throws IOException {
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(file), 1 << 16)) {
            out.write("conversation_id,agent_email,contact_date,audio_filename,queue,notes\n");
            long written = 0;
            for (int row = 1; written < bytes; row++) {
                String line = "CONV-" + row + ",agent" + row % 40 + "@example.com,2026-11-03T04:35:00+01:00,call-"
                        + row + ".mp3,Billing,\"Customer asked about an invoice, then a refund\"\n";
                out.write(line);
                written += line.length();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<CsvRow> previewTable(FxRobot robot) {
        return robot.lookup("#previewTable").queryAs(TableView.class);
    }

    private TableCell<?, ?> previewCell(FxRobot robot, long line, String column) {
        int columnIndex = model.columns().indexOf(column);
        robot.interact(() -> previewTable(robot).scrollToColumnIndex(columnIndex + 1));
        return robot.lookup("#previewTable .table-cell").match((Node node) -> node instanceof TableCell<?, ?> cell
                && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof CsvRow row
                && row.line() == line && cell.getTableColumn() != null
                && ("preview-" + columnIndex).equals(cell.getTableColumn().getId())).queryAs(TableCell.class);
    }

    private static String localized(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneOffset.UTC).format(instant);
    }
}
