package io.callport.ui.batch;

import io.callport.service.CollectedBatch;
import io.callport.service.upload.UploadState;
import io.callport.ui.common.FileDrop;
import io.callport.ui.common.IssueTable;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.ui.common.UiContext;
import io.callport.validate.BatchFileKind;
import io.callport.validate.Issue;
import io.callport.validate.IssueCollector;
import io.callport.validate.ValidationReport;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser.ExtensionFilter;

/** Binds the batch screen's controls to its {@link BatchModel}. */
public final class BatchController {
    private static final int INPUTS_NAMED = 3;

    private final UiContext context;
    private final BatchModel model;

    @FXML private VBox root;
    @FXML private HBox dropZone;
    @FXML private Label inputsLabel;
    @FXML private Button clearButton;
    @FXML private Label metadataCount;
    @FXML private Label sidecarCount;
    @FXML private Label recordingCount;
    @FXML private Label zipCount;
    @FXML private Label sizeLabel;
    @FXML private Label otherLabel;
    @FXML private Label mappingLabel;
    @FXML private Label mappingHint;
    @FXML private Button checkButton;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label failureLabel;
    @FXML private VBox reportBox;
    @FXML private Label statusLabel;
    @FXML private Label errorCount;
    @FXML private Label warningCount;
    @FXML private Label infoCount;
    @FXML private Label omittedLabel;
    @FXML private Label severityLabel;
    @FXML private ChoiceBox<SeverityFilter> severityBox;
    @FXML private Label searchLabel;
    @FXML private TextField searchField;
    @FXML private Label shownLabel;
    @FXML private Button exportButton;
    @FXML private TableView<Issue> issueTable;
    @FXML private Label detailLabel;
    @FXML private Label rowLabel;
    @FXML private Button addFilesButton;
    @FXML private Button addFolderButton;
    @FXML private Label uploadHintLabel;
    @FXML private Label uploadFailureLabel;
    @FXML private Button uploadButton;
    @FXML private VBox uploadBox;
    @FXML private ProgressBar uploadProgressBar;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Label uploadOverallLabel;
    @FXML private Label uploadRateLabel;
    @FXML private Label uploadOutcomeLabel;
    @FXML private TableView<FileRow> uploadTable;

    public BatchController(UiContext context) {
        this.context = context;
        this.model = new BatchModel(context.batches(), context.mappings(), context.reportCsv(), context.uploads(),
                context.workspace(), context.background());
    }

    public BatchModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        FileDrop.install(root, model::add);
        inputsLabel.textProperty().bind(Bindings.createStringBinding(this::describeInputs, model.inputs(),
                model.collectingProperty()));
        metadataCount.textProperty().bind(count(BatchFileKind.METADATA));
        sidecarCount.textProperty().bind(count(BatchFileKind.SIDECAR));
        recordingCount.textProperty().bind(count(BatchFileKind.RECORDING));
        zipCount.textProperty().bind(count(BatchFileKind.ARCHIVE));
        sizeLabel.textProperty().bind(fromBatch(batch -> Messages.format("batch.size", batch.batch().files().size(),
                Sizes.describe(batch.totalBytes())), ""));
        otherLabel.textProperty().bind(fromBatch(batch -> batch.count(BatchFileKind.OTHER) == 0 ? ""
                : Messages.format("batch.other", batch.count(BatchFileKind.OTHER)), ""));
        bindMapping();
        bindProgress();
        bindReport();
        bindUpload();
        Labels.collapseWhenEmpty(otherLabel, failureLabel, omittedLabel);
    }

    private void bindMapping() {
        var origin = context.workspace().mappingOriginProperty();
        var mapping = context.workspace().mappingProperty();
        mappingLabel.textProperty().bind(Bindings.createStringBinding(() -> mapping.get() == null
                ? Messages.text("batch.mapping.none") : Messages.format("batch.mapping", origin.get()), mapping, origin));
        mappingHint.textProperty().bind(Bindings.when(mapping.isNull())
                .then(Messages.text("batch.mapping.none.hint")).otherwise(Messages.text("batch.mapping.hint")));
        checkButton.disableProperty().bind(model.canCheck().not());
    }

    private void bindProgress() {
        progressRow.visibleProperty().bind(model.checkingProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> model.progressProperty().get() < 0 ? ""
                : Messages.format("batch.progress.percent", model.progressProperty().get()), model.progressProperty()));
        failureLabel.textProperty().bind(model.failureProperty());
    }

    private void bindReport() {
        var report = model.reportProperty();
        statusLabel.textProperty().bind(model.statusProperty());
        errorCount.textProperty().bind(fromReport(ValidationReport::errors));
        warningCount.textProperty().bind(fromReport(ValidationReport::warnings));
        infoCount.textProperty().bind(fromReport(ValidationReport::infos));
        omittedLabel.textProperty().bind(Bindings.createStringBinding(() -> report.get() == null
                || report.get().omitted() == 0 ? "" : Messages.format("batch.report.omitted", report.get().omitted(),
                IssueCollector.DEFAULT_KEPT_PER_CODE_AND_FILE), report));
        severityLabel.setLabelFor(severityBox);
        severityBox.getItems().setAll(SeverityFilter.values());
        severityBox.valueProperty().bindBidirectional(model.severityFilterProperty());
        searchLabel.setLabelFor(searchField);
        searchField.textProperty().bindBidirectional(model.searchProperty());
        shownLabel.textProperty().bind(Bindings.createStringBinding(() -> report.get() == null ? ""
                : Messages.format("batch.shown", model.shownIssues().size(), report.get().issues().size()),
                model.shownIssues(), report));
        exportButton.disableProperty().bind(model.canExport().not());
        IssueTable.installFull(issueTable, Messages.text("batch.report.empty"));
        issueTable.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(Messages.text(
                report.get() != null && report.get().issues().isEmpty() ? "batch.report.clean" : "batch.report.empty")),
                report));
        issueTable.setItems(model.shownIssues());
        issueTable.getSelectionModel().selectedItemProperty().addListener((observable, old, issue) ->
                model.select(issue));
        detailLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(model.selectedProperty().get()),
                model.selectedProperty()));
        rowLabel.textProperty().bind(model.selectedRowProperty());
        Labels.collapseWhenEmpty(detailLabel, rowLabel);
    }

    private void bindUpload() {
        UploadModel upload = model.upload();
        var state = upload.stateProperty();
        uploadHintLabel.textProperty().bind(model.uploadHint());
        uploadFailureLabel.textProperty().bind(upload.failureProperty());
        uploadButton.disableProperty().bind(model.canUpload().not());
        addFilesButton.disableProperty().bind(model.uploading());
        addFolderButton.disableProperty().bind(model.uploading());
        clearButton.disableProperty().bind(Bindings.isEmpty(model.inputs()).or(model.uploading()));
        uploadBox.visibleProperty().bind(state.isNotNull());
        uploadBox.managedProperty().bind(uploadBox.visibleProperty());
        reportBox.visibleProperty().bind(state.isNull());
        reportBox.managedProperty().bind(reportBox.visibleProperty());
        uploadProgressBar.progressProperty().bind(upload.progressProperty());
        pauseButton.disableProperty().bind(state.isNotEqualTo(UploadState.RUNNING));
        resumeButton.disableProperty().bind(state.isNotEqualTo(UploadState.PAUSED));
        stopButton.disableProperty().bind(model.uploading().not());
        uploadOverallLabel.textProperty().bind(upload.overallProperty());
        uploadRateLabel.textProperty().bind(upload.rateProperty());
        uploadOutcomeLabel.textProperty().bind(upload.outcomeProperty());
        uploadOutcomeLabel.getStyleClass().add("success");
        Labels.collapseWhenEmpty(uploadFailureLabel, uploadOutcomeLabel);
        UploadTable.install(uploadTable, upload.rows());
    }

    private static String describe(Issue issue) {
        if (issue == null) {
            return "";
        }
        String where = issue.line() > 0 ? Messages.format("batch.detail.line", issue.file(), issue.line())
                : issue.file();
        return where + (issue.column() == null ? "" : " · " + issue.column()) + " — " + issue.message();
    }

    private String describeInputs() {
        if (model.collectingProperty().get()) {
            return Messages.text("batch.collecting");
        }
        if (model.inputs().isEmpty()) {
            return Messages.text("batch.drop.hint");
        }
        String names = model.inputs().stream().limit(INPUTS_NAMED).map(path -> path.getFileName().toString())
                .collect(Collectors.joining(", "));
        return Messages.format("batch.inputs", model.inputs().size(),
                model.inputs().size() > INPUTS_NAMED ? names + ", …" : names);
    }

    private StringBinding count(BatchFileKind kind) {
        return fromBatch(batch -> String.valueOf(batch.count(kind)), "0");
    }

    private StringBinding fromBatch(Function<CollectedBatch, String> text, String none) {
        var collected = model.collectedProperty();
        return Bindings.createStringBinding(() -> collected.get() == null ? none : text.apply(collected.get()),
                collected);
    }

    private StringBinding fromReport(ToLongFunction<ValidationReport> count) {
        var report = model.reportProperty();
        return Bindings.createStringBinding(() -> report.get() == null ? "–"
                : String.valueOf(count.applyAsLong(report.get())), report);
    }

    @FXML
    private void addFiles() {
        model.add(context.dialogs().openFiles(root.getScene().getWindow(), Messages.text("batch.addFiles.title"),
                new ExtensionFilter(Messages.text("filter.all"), "*.*")));
    }

    @FXML
    private void addFolder() {
        context.dialogs().openFolder(root.getScene().getWindow(), Messages.text("batch.addFolder.title"))
                .ifPresent(folder -> model.add(java.util.List.of(folder)));
    }

    @FXML
    private void clear() {
        model.clear();
    }

    @FXML
    private void openMapping() {
        context.dialogs().openFile(root.getScene().getWindow(), Messages.text("batch.openMapping.title"),
                new ExtensionFilter(Messages.text("filter.mapping"), "*.json")).ifPresent(model::openMapping);
    }

    @FXML
    private void check() {
        model.check();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void upload() {
        model.send();
    }

    @FXML
    private void pauseUpload() {
        model.upload().pause();
    }

    @FXML
    private void resumeUpload() {
        model.upload().resume();
    }

    @FXML
    private void stopUpload() {
        model.upload().cancel();
    }

    @FXML
    private void exportReport() {
        context.dialogs().saveFile(root.getScene().getWindow(), Messages.text("batch.export.title"),
                "callport-report.csv", new ExtensionFilter(Messages.text("filter.csv"), "*.csv"))
                .ifPresent(model::exportReport);
    }
}
