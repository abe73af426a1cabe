package io.callport.ui.connectors;

import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.api.ConnectorRequest;
import io.callport.api.ConnectorRun;
import io.callport.mapping.FieldMapping;
import io.callport.naming.FileNameConvention;
import io.callport.service.ServerClient;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.ui.common.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the Connectors screen: the pull connectors of the connected campaign, the one chosen with the files
 * it has fetched, and the form that adds or changes one. Every call to the server runs in the background; what it
 * answers replaces the connector's row.
 */
public final class ConnectorsModel {
    static final int PAGE = 200;
    /** How long "Run now" waits for the run to end before saying it is still going. */
    static final Duration RUN_WAIT = Duration.ofMinutes(2);
    /** Larger than any private key; a bigger file was chosen by mistake. */
    static final long LARGEST_KEY_FILE = 64 * 1024;

    private final Workspace workspace;
    private final ConnectorForm form = new ConnectorForm();
    private final LatestResult<Loaded> loads;
    private final LatestResult<List<ConnectorFile>> fileLoads;
    private final LatestResult<Connector> changes;
    private final LatestResult<ConnectorRun> runs;
    private final LatestResult<String> keyReads;

    private final ObservableList<Connector> connectors = FXCollections.observableArrayList();
    private final ObjectProperty<Connector> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ConnectorFile> files = FXCollections.observableArrayList();
    private final StringProperty fileState = new SimpleStringProperty(this, "fileState", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding connected;
    private final BooleanBinding canSave;
    private final BooleanBinding canChange;
    private final BooleanBinding canRun;
    private final BooleanBinding canConfirmHostKey;
    private FileNameConvention campaignConvention;
    /** Whether the screen is shown: only then is the server read. */
    private boolean active;

    public ConnectorsModel(Workspace workspace, Background background) {
        this.workspace = workspace;
        this.loads = new LatestResult<>(background);
        this.fileLoads = new LatestResult<>(background);
        this.changes = new LatestResult<>(background);
        this.runs = new LatestResult<>(background);
        this.keyReads = new LatestResult<>(background);
        var connection = workspace.connectionProperty();
        connected = Bindings.createBooleanBinding(() -> connection.get() != null && connection.get().hasCampaign(),
                connection);
        var busy = changes.runningProperty().or(runs.runningProperty());
        canSave = connected.and(form.problem().isEmpty()).and(busy.not());
        canChange = selected.isNotNull().and(busy.not());
        canRun = canChange.and(Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().enabled(),
                selected));
        canConfirmHostKey = canChange.and(Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().hostKeyChanged(), selected));
        connection.addListener((observable, old, now) -> {
            campaignConvention = null;
            newConnector();
            connectors.clear();
            if (active) {
                refresh();
            }
        });
        selected.addListener((observable, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()))) {
                form.load(now, campaignConvention); // a refreshed row of the same connector keeps what is typed
                loadFiles();
            }
        });
        fileState.addListener((observable, old, now) -> loadFiles());
    }

    /** Reads the server while the screen is shown, and again whenever the connection changes meanwhile. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown) {
            refresh();
        }
    }

    /** Reads the campaign's connectors, and its file-name convention for new ones, again. */
    public void refresh() {
        if (!connected.get()) {
            return;
        }
        ServerClient client = client();
        String campaignId = campaign();
        loads.request(() -> new Loaded(client.connectors(campaignId), client.mapping(campaignId)
                .map(FieldMapping::fileNameConvention).orElse(null)), loaded -> {
            campaignConvention = loaded.convention();
            form.offerConvention(campaignConvention);
            Connector chosen = selected.get();
            connectors.setAll(loaded.connectors());
            if (chosen != null && find(chosen.id()) == null) {
                newConnector(); // removed meanwhile, from another computer
            } else {
                selected.set(chosen == null ? null : find(chosen.id()));
                loadFiles();
            }
        }, error -> fail("connectors.failure.read", error));
    }

    /** Empties the form for a new connector. */
    public void newConnector() {
        selected.set(null);
        form.clear(campaignConvention);
        files.clear();
    }

    /** Shows the chosen connector as the server has it again, or an empty form. */
    public void revert() {
        Connector connector = selected.get();
        if (connector == null) {
            form.clear(campaignConvention);
        } else {
            form.load(connector, campaignConvention);
        }
    }

    /** Adds the connector of the form to the campaign, or saves the changes of the one chosen. */
    public void save() {
        ConnectorRequest request = form.toRequest();
        Connector editing = form.editingProperty().get();
        ServerClient client = client();
        String campaignId = campaign();
        change(() -> editing == null ? client.createConnector(campaignId, request)
                : client.updateConnector(editing.id(), request), saved -> {
            form.load(saved, campaignConvention);
            status.set(Messages.format(editing == null ? "connectors.status.added" : "connectors.status.saved",
                    saved.name(), saved.schedule()));
        }, "connectors.failure.save");
    }

    /** Runs the chosen connector now and says what the run did. */
    public void runNow() {
        Connector connector = selected.get();
        ServerClient client = client();
        clearMessages();
        status.set(Messages.format("connectors.status.running", connector.name()));
        runs.request(() -> client.runConnector(connector.id(), RUN_WAIT), answer -> {
            show(answer.connector());
            ConnectorRun.Outcome run = answer.run();
            if (run == null) {
                status.set(Messages.format("connectors.run.going", connector.name()));
            } else if (run.failure() == null) {
                status.set(Messages.format("connectors.run.done", connector.name(), run.delivered(), run.listed(),
                        Sizes.describe(run.bytes()), run.notPicked(), run.failedFiles()));
            } else {
                status.set("");
                failure.set(Messages.format("connectors.run.failed", connector.name(),
                        Messages.named("connectors.failure.", run.failure()), run.failureMessage()));
            }
            loadFiles();
        }, error -> fail("connectors.failure.run", error));
    }

    /** Turns the chosen connector off, or on again. */
    public void toggleEnabled() {
        Connector connector = selected.get();
        boolean enable = !connector.enabled();
        ServerClient client = client();
        change(() -> client.updateConnector(connector.id(), ConnectorRequest.enabledOnly(enable)), changed -> {
            form.enabledProperty().set(changed.enabled());
            status.set(Messages.format(enable ? "connectors.status.enabled" : "connectors.status.disabled",
                    changed.name()));
        }, "connectors.failure.save");
    }

    /** Pins the fingerprint the admin checked with the customer; the next run connects again. */
    public void confirmHostKey(String fingerprint) {
        Connector connector = selected.get();
        ServerClient client = client();
        change(() -> client.confirmHostKey(connector.id(), fingerprint), confirmed -> status.set(Messages.format(
                "connectors.status.hostKeyConfirmed", confirmed.hostKeyFingerprint(), confirmed.name())),
                "connectors.failure.hostKey");
    }

    /** Removes the chosen connector; the files it fetched stay with the campaign. */
    public void delete() {
        Connector doomed = selected.get();
        ServerClient client = client();
        clearMessages();
        changes.request(() -> {
            client.deleteConnector(doomed.id());
            return doomed;
        }, removed -> {
            connectors.removeIf(connector -> connector.id().equals(removed.id()));
            newConnector();
            status.set(Messages.format("connectors.status.deleted", removed.name()));
        }, error -> fail("connectors.failure.delete", error));
    }

    /** Reads a private key file for the form; the text is sent to the server, which keeps it encrypted. */
    public void readPrivateKey(Path file) {
        keyReads.request(() -> {
            long size = Files.size(file);
            if (size > LARGEST_KEY_FILE) {
                throw new IOException(Messages.format("connectors.privateKey.tooLarge", file.getFileName(),
                        Sizes.describe(size)));
            }
            return Files.readString(file);
        }, key -> form.usePrivateKey(file, key), error -> failure.set(Messages.format(
                "connectors.failure.privateKey", file.getFileName(), message(error))));
    }

    private void change(CheckedCall call, Consumer<Connector> after, String failureKey) {
        clearMessages();
        changes.request(call::call, changed -> {
            show(changed);
            selected.set(find(changed.id()));
            after.accept(changed);
        }, error -> fail(failureKey, error));
    }

    /** Puts the connector as the server answered in its row, or adds the row. */
    private void show(Connector connector) {
        for (int i = 0; i < connectors.size(); i++) {
            if (connectors.get(i).id().equals(connector.id())) {
                connectors.set(i, connector);
                if (selected.get() != null && selected.get().id().equals(connector.id())) {
                    selected.set(connector);
                }
                return;
            }
        }
        connectors.add(connector);
    }

    private void loadFiles() {
        Connector connector = selected.get();
        if (connector == null || !connected.get()) {
            fileLoads.cancel();
            files.clear();
            return;
        }
        ServerClient client = client();
        String state = fileState.get() == null || fileState.get().isEmpty() ? null : fileState.get();
        fileLoads.request(() -> client.connectorFiles(connector.id(), state, 0, PAGE).items(), files::setAll,
                error -> fail("connectors.failure.read", error));
    }

    private Connector find(String id) {
        return connectors.stream().filter(connector -> connector.id().equals(id)).findFirst().orElse(null);
    }

    private void clearMessages() {
        status.set("");
        failure.set("");
    }

    private void fail(String key, Throwable error) {
        status.set("");
        failure.set(Messages.format(key, message(error)));
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    private String campaign() {
        return workspace.connectionProperty().get().profile().campaignId();
    }

    private ServerClient client() {
        return workspace.connectionProperty().get().client();
    }

    /** A call to the server that answers with a connector. */
    @FunctionalInterface
    private interface CheckedCall {
        Connector call() throws Exception;
    }

    /** The campaign's connectors, and the file-name convention of its mapping (null when it has none). */
    private record Loaded(List<Connector> connectors, FileNameConvention convention) {
    }

    // ---- what the screen binds to ----

    public ConnectorForm form() {
        return form;
    }

    public ObservableList<Connector> connectors() {
        return connectors;
    }

    public ObjectProperty<Connector> selectedProperty() {
        return selected;
    }

    /** The files the chosen connector has seen, in the state filtered on. */
    public ObservableList<ConnectorFile> files() {
        return files;
    }

    /** The state of the files shown (DELIVERED, FAILED...), or empty for all. */
    public StringProperty fileStateProperty() {
        return fileState;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runs.runningProperty();
    }

    /** Whether a change is on its way to the server. */
    public ReadOnlyBooleanProperty savingProperty() {
        return changes.runningProperty();
    }

    /** Whether a campaign is connected, whose connectors are shown. */
    public BooleanBinding connected() {
        return connected;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    /** Whether a connector is chosen and nothing is being done to it: it may be changed or removed. */
    public BooleanBinding canChange() {
        return canChange;
    }

    public BooleanBinding canRun() {
        return canRun;
    }

    public BooleanBinding canConfirmHostKey() {
        return canConfirmHostKey;
    }
}
