package io.callport.ui.jobs;

import io.callport.service.Connection;
import io.callport.service.EventStream;
import io.callport.service.ServerClient;
import io.callport.service.api.BatchInfo;
import io.callport.service.api.CallDetail;
import io.callport.service.api.CallInfo;
import io.callport.service.api.FileInfo;
import io.callport.service.api.PipelineEvent;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import javafx.util.Duration;

/**
 * The state of the Jobs screen: the connected campaign's batches, the files of the batch chosen, and its calls,
 * kept up to date by the server's event stream. An event changes its row at once; the lists are read again a
 * moment later (once for a burst of events) for what an event does not say, such as counts and new rows. A lost
 * stream is opened again after a wait that grows up to half a minute.
 */
public final class JobsModel {
    static final int PAGE = 200;
    private static final Duration SETTLE = Duration.millis(700);
    private static final int LONGEST_RECONNECT_SECONDS = 30;

    private final Workspace workspace;
    private final LatestResult<List<BatchInfo>> batchLoads;
    private final LatestResult<List<FileInfo>> fileLoads;
    private final LatestResult<List<CallInfo>> callLoads;
    private final LatestResult<CallDetail> detailLoads;
    private final LatestResult<CallInfo> reprocessing;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final PauseTransition reconnect = new PauseTransition();

    private final ObservableList<BatchInfo> batches = FXCollections.observableArrayList();
    private final ObservableList<FileInfo> allFiles = FXCollections.observableArrayList();
    private final FilteredList<FileInfo> files = new FilteredList<>(allFiles);
    private final ObservableList<CallInfo> calls = FXCollections.observableArrayList();
    private final ObjectProperty<BatchInfo> selectedBatch = new SimpleObjectProperty<>(this, "selectedBatch");
    private final ObjectProperty<CallInfo> selectedCall = new SimpleObjectProperty<>(this, "selectedCall");
    private final StringProperty batchStatus = new SimpleStringProperty(this, "batchStatus", "");
    private final StringProperty callStatus = new SimpleStringProperty(this, "callStatus", "");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ReadOnlyObjectWrapper<CallDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper(this, "liveText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding canReprocess;
    private EventStream stream;
    private int reconnectSeconds = 1;
    /** Whether the screen is shown: only then are the lists read and the events followed. */
    private boolean active;

    public JobsModel(Workspace workspace, Background background) {
        this.workspace = workspace;
        this.batchLoads = new LatestResult<>(background);
        this.fileLoads = new LatestResult<>(background);
        this.callLoads = new LatestResult<>(background);
        this.detailLoads = new LatestResult<>(background);
        this.reprocessing = new LatestResult<>(background);
        files.predicateProperty().bind(Bindings.<Predicate<FileInfo>>createObjectBinding(
                () -> file -> source.get().isEmpty() || source.get().equals(file.source()), source));
        canReprocess = selectedCall.isNotNull().and(reprocessing.runningProperty().not());
        settle.setOnFinished(event -> refresh());
        reconnect.setOnFinished(event -> follow());
        workspace.connectionProperty().addListener((observable, old, now) -> {
            if (active) {
                start();
            }
        });
        selectedBatch.addListener((observable, old, now) -> loadFiles());
        selectedCall.addListener((observable, old, now) -> loadDetail());
        batchStatus.addListener((observable, old, now) -> loadBatches());
        callStatus.addListener((observable, old, now) -> loadCalls());
        source.addListener((observable, old, now) -> loadCalls());
    }

    /**
     * Reads the connected campaign's batches and calls and follows its events, again whenever the connection
     * changes, until {@link #stop()}: the screen follows the server while it is shown.
     */
    public void start() {
        stop();
        active = true;
        batches.clear();
        allFiles.clear();
        calls.clear();
        selectedBatch.set(null);
        failure.set("");
        status.set("");
        if (campaign() == null) {
            liveText.set(Messages.text("jobs.live.none"));
            return;
        }
        reconnectSeconds = 1;
        follow();
        refresh();
    }

    /** Stops following the server, when the screen is no longer shown. */
    public void stop() {
        active = false;
        reconnect.stop();
        settle.stop();
        if (stream != null) {
            stream.close();
            stream = null;
        }
        live.set(false);
    }

    /** Reads the batches, the files of the batch chosen, and the calls again. */
    public void refresh() {
        loadBatches();
        loadFiles();
        loadCalls();
    }

    /** Has the chosen call processed again. */
    public void reprocess() {
        CallInfo call = selectedCall.get();
        ServerClient client = client();
        failure.set("");
        reprocessing.request(() -> client.reprocess(call.id()), updated -> {
            replace(calls, updated, CallInfo::id);
            status.set(Messages.format("jobs.status.reprocessing", describeCall(updated)));
            settle.playFromStart();
        }, error -> failure.set(Messages.format("jobs.failure.reprocess", describeCall(call), message(error))));
    }

    private void follow() {
        String campaignId = campaign();
        if (campaignId == null) {
            return;
        }
        liveText.set(Messages.text("jobs.live.connecting"));
        stream = client().events(campaignId, () -> Platform.runLater(this::opened),
                event -> Platform.runLater(() -> apply(event)), ended -> Platform.runLater(() -> lost(ended)));
    }

    private void opened() {
        if (stream != null) {
            live.set(true);
            liveText.set(Messages.text("jobs.live.on"));
            reconnectSeconds = 1;
        }
    }

    private void lost(IOException reason) {
        if (reason == null || stream == null) {
            return; // closed here
        }
        stream = null;
        live.set(false);
        liveText.set(Messages.format("jobs.live.lost", reconnectSeconds, message(reason)));
        reconnect.setDuration(Duration.seconds(reconnectSeconds));
        reconnect.playFromStart();
        reconnectSeconds = Math.min(LONGEST_RECONNECT_SECONDS, reconnectSeconds * 2);
    }

    /** Shows the change at once where its row is, and reads the lists again once the burst has passed. */
    private void apply(PipelineEvent event) {
        if (stream == null) {
            return; // stopped while the event was on its way
        }
        reconnectSeconds = 1;
        switch (event.type()) {
            case PipelineEvent.BATCH -> update(batches, event.id(), BatchInfo::id,
                    batch -> batch.withStatus(event.status(), event.reason()));
            case PipelineEvent.FILE -> update(allFiles, event.id(), FileInfo::id,
                    file -> file.withStatus(event.status(), event.reason()));
            case PipelineEvent.CALL -> update(calls, event.id(), CallInfo::id,
                    call -> call.withStatus(event.status(), event.reason()));
            default -> { } // a kind of event this Uploader does not know
        }
        settle.playFromStart();
    }

    private void loadBatches() {
        String campaignId = campaign();
        if (campaignId == null) {
            return;
        }
        ServerClient client = client();
        String wanted = batchStatus.get();
        batchLoads.request(() -> client.batches(campaignId, blankToNull(wanted), 0, PAGE).items(), loaded -> {
            BatchInfo chosen = selectedBatch.get();
            batches.setAll(loaded);
            selectedBatch.set(chosen == null ? null : loaded.stream().filter(b -> b.id().equals(chosen.id()))
                    .findFirst().orElse(null));
        }, this::failed);
    }

    private void loadFiles() {
        BatchInfo batch = selectedBatch.get();
        if (batch == null || campaign() == null) {
            fileLoads.cancel();
            allFiles.clear();
            return;
        }
        ServerClient client = client();
        fileLoads.request(() -> client.batchFiles(batch.id(), 0, PAGE).items(), allFiles::setAll, this::failed);
    }

    private void loadCalls() {
        String campaignId = campaign();
        if (campaignId == null) {
            return;
        }
        ServerClient client = client();
        String wantedStatus = blankToNull(callStatus.get());
        String wantedSource = blankToNull(source.get());
        callLoads.request(() -> client.calls(campaignId, wantedStatus, wantedSource, 0, PAGE).items(), loaded -> {
            CallInfo chosen = selectedCall.get();
            calls.setAll(loaded);
            selectedCall.set(chosen == null ? null : loaded.stream().filter(c -> c.id().equals(chosen.id()))
                    .findFirst().orElse(null));
        }, this::failed);
    }

    private void loadDetail() {
        CallInfo call = selectedCall.get();
        detail.set(null);
        if (call == null) {
            detailLoads.cancel();
            return;
        }
        ServerClient client = client();
        detailLoads.request(() -> client.call(call.id()), detail::set, this::failed);
    }

    private void failed(Throwable error) {
        failure.set(Messages.format("jobs.failure.read", message(error)));
    }

    private static <T> void update(ObservableList<T> items, String id, Function<T, String> idOf, Function<T, T> change) {
        for (int i = 0; i < items.size(); i++) {
            if (idOf.apply(items.get(i)).equals(id)) {
                items.set(i, change.apply(items.get(i)));
                return;
            }
        }
    }

    private static <T> void replace(ObservableList<T> items, T updated, Function<T, String> idOf) {
        update(items, idOf.apply(updated), idOf, old -> updated);
    }

    static String describeCall(CallInfo call) {
        return call.recordingName() != null ? call.recordingName()
                : call.contactReference() != null ? call.contactReference() : call.id();
    }

    private String campaign() {
        Connection connection = workspace.connectionProperty().get();
        return connection == null ? null : connection.profile().campaignId();
    }

    private ServerClient client() {
        return workspace.connectionProperty().get().client();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    // ---- what the screen binds to ----

    public ObservableList<BatchInfo> batches() {
        return batches;
    }

    /** The files of the batch chosen that the source filter lets through. */
    public ObservableList<FileInfo> files() {
        return files;
    }

    public ObservableList<CallInfo> calls() {
        return calls;
    }

    public ObjectProperty<BatchInfo> selectedBatchProperty() {
        return selectedBatch;
    }

    public ObjectProperty<CallInfo> selectedCallProperty() {
        return selectedCall;
    }

    /** The batch status shown, or empty for all. */
    public StringProperty batchStatusProperty() {
        return batchStatus;
    }

    /** The call status shown, or empty for all. */
    public StringProperty callStatusProperty() {
        return callStatus;
    }

    /** The way in (SFTP, API, BULK, UI) of the calls and files shown, or empty for all. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** The chosen call with its versions. */
    public ReadOnlyObjectProperty<CallDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Whether the event stream is open. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty liveTextProperty() {
        return liveText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public BooleanBinding canReprocess() {
        return canReprocess;
    }
}
