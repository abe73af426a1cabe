package io.callport.ui.batch;

import io.callport.mapping.FieldMapping;
import io.callport.service.BatchService;
import io.callport.service.CollectedBatch;
import io.callport.service.MappingStore;
import io.callport.service.Profile;
import io.callport.service.ReportCsv;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadState;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Workspace;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * The state of the batch screen: the files the person gathered, their offline check (in the background, with
 * progress, cancellable) and its report, filtered for the table.
 */
public final class BatchModel {
    private final BatchService batches;
    private final MappingStore mappings;
    private final ReportCsv reportCsv;
    private final Workspace workspace;
    private final Background background;
    private final LatestResult<CollectedBatch> collecting;
    private final LatestResult<Path> exporting;
    private final LatestResult<FieldMapping> mappingLoads;
    private final LatestResult<String> rowReads;

    private final ObservableList<Path> inputs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CollectedBatch> collected = new ReadOnlyObjectWrapper<>(this, "collected");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<ValidationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final FilteredList<Issue> shownIssues = new FilteredList<>(issues);
    private final ObjectProperty<SeverityFilter> severityFilter = new SimpleObjectProperty<>(this, "severityFilter",
            SeverityFilter.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Issue> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper selectedRow = new ReadOnlyStringWrapper(this, "selectedRow", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding canCheck;
    private final BooleanBinding canExport;
    private final UploadModel upload;
    private final BooleanBinding uploading;
    private final BooleanBinding canUpload;
    private final StringBinding uploadHint;
    private Task<ValidationReport> check;

    public BatchModel(BatchService batches, MappingStore mappings, ReportCsv reportCsv, UploadService uploads,
                      Workspace workspace, Background background) {
        this.batches = batches;
        this.mappings = mappings;
        this.reportCsv = reportCsv;
        this.workspace = workspace;
        this.background = background;
        this.collecting = new LatestResult<>(background);
        this.exporting = new LatestResult<>(background);
        this.mappingLoads = new LatestResult<>(background);
        this.rowReads = new LatestResult<>(background);
        shownIssues.predicateProperty().bind(Bindings.<Predicate<Issue>>createObjectBinding(
                () -> issue -> severityFilter.get().shows(issue) && matchesSearch(issue), severityFilter, search));
        BooleanBinding checkable = workspace.mappingProperty().isNotNull().and(collected.isNotNull())
                .and(Bindings.createBooleanBinding(() -> collected.get() != null && !collected.get().isEmpty(),
                        collected))
                .and(collecting.runningProperty().not()).and(checking.not());
        canExport = report.isNotNull().and(exporting.runningProperty().not());
        upload = new UploadModel(uploads, background);
        var uploadState = upload.stateProperty();
        uploading = Bindings.createBooleanBinding(() -> uploadState.get() != null
                && uploadState.get() != UploadState.FINISHED && uploadState.get() != UploadState.CANCELLED, uploadState);
        var connection = workspace.connectionProperty();
        BooleanBinding connected = Bindings.createBooleanBinding(() -> connection.get() != null
                && connection.get().hasCampaign(), connection);
        canUpload = report.isNotNull().and(Bindings.createBooleanBinding(() -> report.get() != null
                && !report.get().hasErrors(), report)).and(connected).and(uploading.not());
        uploadHint = Bindings.createStringBinding(() -> {
            if (!connected.get()) {
                return Messages.text("batch.upload.needsServer");
            }
            if (report.get() == null) {
                return Messages.text("batch.upload.needsCheck");
            }
            if (report.get().hasErrors()) {
                return Messages.text("batch.upload.hasErrors");
            }
            Profile profile = connection.get().profile();
            return Messages.format("batch.upload.target", profile.campaignName(), profile.name(),
                    Messages.text("batch.upload.by." + profile.transport().name().toLowerCase(Locale.ROOT)));
        }, connected, report, connection);
        this.canCheck = checkable.and(uploading.not());
        workspace.mappingProperty().addListener((observable, old, now) -> forgetReport());
    }

    /** Sends the checked batch to the connected profile's campaign. */
    public void send() {
        upload.start(collected.get().batch(), workspace.connectionProperty().get());
    }

    /** Adds dropped or chosen files, folders and zips to the batch; nothing changes while the batch is sent. */
    public void add(List<Path> paths) {
        if (uploading.get()) {
            return;
        }
        upload.forget();
        paths.stream().map(path -> path.toAbsolutePath().normalize()).filter(path -> !inputs.contains(path))
                .forEach(inputs::add);
        forgetReport();
        failure.set("");
        List<Path> all = List.copyOf(inputs);
        collecting.request(() -> batches.collect(all), collected::set,
                error -> failure.set(Messages.format("batch.failure.collect", message(error))));
    }

    public void clear() {
        upload.forget();
        collecting.cancel();
        inputs.clear();
        collected.set(null);
        forgetReport();
        failure.set("");
        status.set("");
    }

    /** Checks the batch in the background against the workspace's mapping. */
    public void check() {
        CollectedBatch toCheck = collected.get();
        FieldMapping mapping = workspace.mappingProperty().get();
        forgetReport();
        failure.set("");
        progress.set(toCheck.metadataBytes() > 0 ? 0 : -1);
        long started = System.nanoTime();
        Task<ValidationReport> task = new Task<>() {
            @Override
            protected ValidationReport call() throws Exception {
                return batches.validate(toCheck, mapping, share -> updateProgress(share, 1.0), this::isCancelled);
            }
        };
        task.progressProperty().addListener((observable, old, share) -> {
            if (share.doubleValue() >= 0 && task == check) {
                progress.set(share.doubleValue());
            }
        });
        task.setOnSucceeded(event -> {
            finishCheck(task);
            ValidationReport done = task.getValue();
            report.set(done);
            issues.setAll(done.issues());
            long millis = (System.nanoTime() - started) / 1_000_000;
            status.set(millis < 1000 ? Messages.format("batch.status.checked", millis)
                    : Messages.format("batch.status.checkedSeconds", millis / 1000.0));
        });
        task.setOnFailed(event -> {
            finishCheck(task);
            if (!(task.getException() instanceof CancellationException)) {
                failure.set(Messages.format("batch.failure.check", message(task.getException())));
            }
        });
        task.setOnCancelled(event -> {
            finishCheck(task);
            status.set(Messages.text("batch.status.cancelled"));
        });
        check = task;
        checking.set(true);
        status.set(Messages.text("batch.status.checking"));
        background.run(task);
    }

    /** Stops a running check; reading stops at once, a recording being probed is closed. */
    public void cancel() {
        if (check != null) {
            check.cancel(true);
        }
    }

    public void exportReport(Path file) {
        ValidationReport current = report.get();
        exporting.request(() -> {
            reportCsv.write(current, file);
            return file;
        }, written -> status.set(Messages.format("batch.status.exported", written.getFileName())),
                error -> failure.set(Messages.format("batch.failure.export", file.getFileName(), message(error))));
    }

    /** Opens a mapping file and makes it the workspace's mapping. */
    public void openMapping(Path file) {
        mappingLoads.request(() -> {
            FieldMapping loaded = mappings.load(file);
            if (!loaded.problems().isEmpty()) {
                throw new IllegalArgumentException(String.join(" ", loaded.problems()));
            }
            return loaded;
        }, loaded -> workspace.useMapping(loaded, file.getFileName().toString()),
                error -> failure.set(Messages.format("batch.failure.mapping", file.getFileName(), message(error))));
    }

    /** Shows an issue in full, with the line of the file it is about when it is one of the batch's own files. */
    public void select(Issue issue) {
        selected.set(issue);
        selectedRow.set("");
        rowReads.cancel();
        CollectedBatch current = collected.get();
        FieldMapping mapping = workspace.mappingProperty().get();
        if (issue == null || issue.line() < 1 || current == null || mapping == null) {
            return;
        }
        rowReads.request(() -> batches.lineOf(current, issue.file(), issue.line(), mapping.dialect().charset())
                .orElse(""), selectedRow::set, error -> selectedRow.set(""));
    }

    private void finishCheck(Task<ValidationReport> task) {
        if (task == check) {
            check = null;
            checking.set(false);
        }
    }

    private void forgetReport() {
        cancel();
        report.set(null);
        issues.clear();
        select(null);
        status.set("");
    }

    private boolean matchesSearch(Issue issue) {
        String wanted = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        return Stream.of(issue.code().name(), issue.file(),
                        issue.column(), issue.value(), issue.message(), issue.line() > 0 ? String.valueOf(issue.line()) : null)
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    // ---- what the screen binds to ----

    public ObservableList<Path> inputs() {
        return inputs;
    }

    public ReadOnlyObjectProperty<CollectedBatch> collectedProperty() {
        return collected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The share of the metadata read, 0 to 1, or -1 when the batch has none to measure by. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ValidationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The report's issues the filters let through. */
    public ObservableList<Issue> shownIssues() {
        return shownIssues;
    }

    public ObjectProperty<SeverityFilter> severityFilterProperty() {
        return severityFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<Issue> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The text of the line the selected issue is about, or empty. */
    public ReadOnlyStringProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last action failed, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public BooleanBinding canCheck() {
        return canCheck;
    }

    public BooleanBinding canExport() {
        return canExport;
    }

    /** The batch's upload, once it is sent. */
    public UploadModel upload() {
        return upload;
    }

    /** Whether the batch is being sent (or paused); it cannot change meanwhile. */
    public BooleanBinding uploading() {
        return uploading;
    }

    /** Whether the batch can be sent: checked without errors, a server and campaign chosen, not being sent. */
    public BooleanBinding canUpload() {
        return canUpload;
    }

    /** Where the batch goes, or what it waits for before it can be sent. */
    public StringBinding uploadHint() {
        return uploadHint;
    }

    /** Whether the files of the batch are being gathered (folders walked). */
    public ReadOnlyBooleanProperty collectingProperty() {
        return collecting.runningProperty();
    }
}
