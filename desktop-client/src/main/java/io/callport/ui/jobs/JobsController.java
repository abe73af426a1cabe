package io.callport.ui.jobs;

import io.callport.service.Connection;
import io.callport.service.api.BatchInfo;
import io.callport.service.api.CallDetail;
import io.callport.service.api.CallInfo;
import io.callport.service.api.FileInfo;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.ui.common.Tables;
import io.callport.ui.common.Times;
import io.callport.ui.common.UiContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Binds the Jobs screen's controls to its {@link JobsModel}. */
public final class JobsController {
    static final List<String> BATCH_STATES = List.of("", "DETECTING", "WAITING_FOR_CSV", "WAITING_FOR_FILES",
            "PROCESSING", "COMPLETED", "INCOMPLETE", "FAILED");
    static final List<String> CALL_STATES = List.of("", "PENDING", "PROCESSING", "TRANSCRIBING", "ANALYZING",
            "COMPLETED", "FAILED", "SKIPPED");
    static final List<String> SOURCES = List.of("", "SFTP", "API", "BULK", "UI", "PULL");

    private final UiContext context;
    private final JobsModel model;

    @FXML private Node root;
    @FXML private Label campaignLabel;
    @FXML private Label liveLabel;
    @FXML private Label sourceLabel;
    @FXML private ChoiceBox<String> sourceBox;
    @FXML private Label batchStatusLabel;
    @FXML private ChoiceBox<String> batchStatusBox;
    @FXML private TableView<BatchInfo> batchTable;
    @FXML private Label filesTitle;
    @FXML private TableView<FileInfo> fileTable;
    @FXML private Label callStatusLabel;
    @FXML private ChoiceBox<String> callStatusBox;
    @FXML private TableView<CallInfo> callTable;
    @FXML private Label callDetailLabel;
    @FXML private Button reprocessButton;
    @FXML private Label statusLabel;
    @FXML private Label failureLabel;

    public JobsController(UiContext context) {
        this.context = context;
        this.model = new JobsModel(context.workspace(), context.background());
    }

    public JobsModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        var connection = context.workspace().connectionProperty();
        campaignLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(connection.get()), connection));
        liveLabel.textProperty().bind(model.liveTextProperty());
        model.liveProperty().addListener((observable, was, live) -> liveLabel.getStyleClass()
                .setAll("label", "live-badge", live ? "success" : "problem"));
        choices(sourceLabel, sourceBox, SOURCES, "jobs.source.", model.sourceProperty().get());
        sourceBox.valueProperty().bindBidirectional(model.sourceProperty());
        choices(batchStatusLabel, batchStatusBox, BATCH_STATES, "jobs.state.", "");
        batchStatusBox.valueProperty().bindBidirectional(model.batchStatusProperty());
        choices(callStatusLabel, callStatusBox, CALL_STATES, "jobs.state.", "");
        callStatusBox.valueProperty().bindBidirectional(model.callStatusProperty());
        bindBatches();
        bindFiles();
        bindCalls();
        statusLabel.textProperty().bind(model.statusProperty());
        failureLabel.textProperty().bind(model.failureProperty());
        Labels.collapseWhenEmpty(statusLabel, failureLabel);
        ObservableValue<Boolean> shown = root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        shown.subscribe(showing -> {
            if (showing) {
                model.start();
            } else {
                model.stop();
            }
        });
    }

    private void bindBatches() {
        batchTable.setItems(model.batches());
        batchTable.setPlaceholder(new Label(Messages.text("jobs.batches.empty")));
        batchTable.getColumns().setAll(List.of(
                column("created", 170, batch -> Times.describe(batch.createdAt())),
                statusColumn(BatchInfo::status, BatchInfo::reason),
                column("files", 110, batch -> counted(batch.counts().files(), batch.counts().totalFiles())),
                column("calls", 110, batch -> counted(batch.counts().calls(), batch.counts().totalCalls())),
                column("reason", 400, BatchInfo::reason)));
        batchTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batchTable.getSelectionModel().selectedItemProperty().addListener((observable, old, batch) -> {
            if (batch != null) {
                model.selectedBatchProperty().set(batch);
            }
        });
        model.selectedBatchProperty().addListener((observable, old, batch) -> {
            if (batch != null && batchTable.getSelectionModel().getSelectedItem() != batch) {
                batchTable.getSelectionModel().select(batch);
            }
        });
    }

    private void bindFiles() {
        var batch = model.selectedBatchProperty();
        filesTitle.textProperty().bind(Bindings.createStringBinding(() -> batch.get() == null
                ? Messages.text("jobs.files.none") : Messages.format("jobs.files.title", Times.describe(batch.get().createdAt())),
                batch));
        fileTable.setItems(model.files());
        fileTable.setPlaceholder(new Label(Messages.text("jobs.files.empty")));
        fileTable.getColumns().setAll(List.of(
                column("name", 220, FileInfo::name),
                column("kind", 90, file -> Messages.named("jobs.kind.", file.kind())),
                column("size", 80, file -> Sizes.describe(file.size())),
                column("source", 90, file -> Messages.named("jobs.source.", file.source())),
                statusColumn(FileInfo::status, FileInfo::reason),
                column("reason", 400, FileInfo::reason)));
        fileTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void bindCalls() {
        callTable.setItems(model.calls());
        callTable.setPlaceholder(new Label(Messages.text("jobs.calls.empty")));
        callTable.getColumns().setAll(List.of(
                column("reference", 110, CallInfo::contactReference),
                column("recording", 170, CallInfo::recordingName),
                column("agent", 160, CallInfo::agentIdentifier),
                column("contact", 170, call -> call.contactAtText() != null ? call.contactAtText()
                        : Times.describe(call.contactAt())),
                column("source", 90, call -> Messages.named("jobs.source.", call.source())),
                statusColumn(CallInfo::status, CallInfo::reason),
                column("version", 70, call -> String.valueOf(call.version())),
                column("reason", 300, CallInfo::reason)));
        callTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        callTable.getSelectionModel().selectedItemProperty().addListener((observable, old, call) -> {
            if (call != null) {
                model.selectedCallProperty().set(call);
            }
        });
        model.selectedCallProperty().addListener((observable, old, call) -> {
            if (call != null && callTable.getSelectionModel().getSelectedItem() != call) {
                callTable.getSelectionModel().select(call);
            }
        });
        callDetailLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(model.detailProperty().get()),
                model.detailProperty()));
        reprocessButton.disableProperty().bind(model.canReprocess().not());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void reprocess() {
        model.reprocess();
    }

    private static String describe(Connection connection) {
        return connection == null || !connection.hasCampaign() ? Messages.text("jobs.campaign.none")
                : Messages.format("jobs.campaign", connection.profile().campaignName(), connection.profile().name());
    }

    private static String describe(CallDetail detail) {
        if (detail == null || detail.versions().isEmpty()) {
            return "";
        }
        CallDetail.Version last = detail.versions().getLast();
        return Messages.format("jobs.detail", JobsModel.describeCall(detail.call()), last.version(),
                Messages.named("jobs.cause.", last.cause()) + " " + Times.describe(last.createdAt()));
    }

    private static void choices(Label label, ChoiceBox<String> box, List<String> values, String prefix,
                                String chosen) {
        label.setLabelFor(box);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? Messages.text("jobs.filter.all") : Messages.named(prefix, value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.setValue(chosen);
    }

    private static String counted(Map<String, Long> byStatus, long total) {
        long done = byStatus.entrySet().stream().filter(entry -> List.of("COMPLETED", "FAILED", "DUPLICATE",
                "SKIPPED").contains(entry.getKey())).mapToLong(Map.Entry::getValue).sum();
        return Messages.format("jobs.counts", done, total);
    }

    private static <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        return Tables.column(Messages.text("jobs.column." + key), "jobs-" + key, width, value);
    }

    /** The status in words, coloured by how it ended, its reason on hover. */
    private static <T> TableColumn<T, String> statusColumn(Function<T, String> status, Function<T, String> reason) {
        return Tables.styledColumn(Messages.text("jobs.column.status"), "jobs-status", 150,
                row -> Messages.named("jobs.state.", status.apply(row)), row -> switch (Objects.requireNonNullElse(status.apply(row), "")) {
                    case "COMPLETED" -> "state-done";
                    case "FAILED", "INCOMPLETE" -> "state-failed";
                    default -> null;
                }, reason);
    }
}
