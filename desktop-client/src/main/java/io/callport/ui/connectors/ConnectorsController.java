package io.callport.ui.connectors;

import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.service.Connection;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.ui.common.Tables;
import io.callport.ui.common.Times;
import io.callport.ui.common.UiContext;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Binds the Connectors screen's controls to its {@link ConnectorsModel}; the form has its own controller. */
public final class ConnectorsController {
    static final List<String> FILE_STATES = List.of("", "DELIVERED", "NOT_PICKED", "PENDING", "FETCHED", "UNCHANGED",
            "FAILED");

    private final UiContext context;
    private final ConnectorsModel model;

    @FXML private Node root;
    @FXML private ConnectorFormController formController;
    @FXML private Label campaignLabel;
    @FXML private Button refreshButton;
    @FXML private Button newButton;
    @FXML private TableView<Connector> connectorTable;
    @FXML private Label reasonLabel;
    @FXML private Button runButton;
    @FXML private ProgressIndicator runningIndicator;
    @FXML private Button enableButton;
    @FXML private Button confirmHostKeyButton;
    @FXML private Button deleteButton;
    @FXML private Label hostKeyLabel;
    @FXML private Label filesTitle;
    @FXML private Label fileStateLabel;
    @FXML private ChoiceBox<String> fileStateBox;
    @FXML private TableView<ConnectorFile> fileTable;
    @FXML private Label statusLabel;
    @FXML private Label failureLabel;

    public ConnectorsController(UiContext context) {
        this.context = context;
        this.model = new ConnectorsModel(context.workspace(), context.background());
    }

    public ConnectorsModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        formController.attach(model);
        var connection = context.workspace().connectionProperty();
        campaignLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(connection.get()), connection));
        refreshButton.disableProperty().bind(model.connected().not());
        newButton.disableProperty().bind(model.connected().not());
        bindConnectors();
        bindFiles();
        statusLabel.textProperty().bind(model.statusProperty());
        failureLabel.textProperty().bind(model.failureProperty());
        Labels.collapseWhenEmpty(reasonLabel, hostKeyLabel, statusLabel, failureLabel);
        ObservableValue<Boolean> shown = root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        shown.subscribe(model::setActive);
    }

    private void bindConnectors() {
        connectorTable.setItems(model.connectors());
        connectorTable.setPlaceholder(new Label(Messages.text("connectors.empty")));
        connectorTable.getColumns().setAll(List.of(
                column("name", 140, Connector::name),
                column("kind", 55, connector -> Messages.text("connectors.kind."
                        + ConnectorKind.of(connector.protocol()).name())),
                column("target", 210, ConnectorsController::target),
                column("schedule", 130, Connector::schedule),
                column("lastRun", 160, connector -> Times.describe(connector.status().lastRunAt())),
                Tables.styledColumn(Messages.text("connectors.column.status"), "connectors-status", 85,
                        connector -> Messages.named("connectors.state.", connector.status().state()),
                        connector -> switch (connector.status().state()) {
                            case "OK" -> "state-done";
                            case "FAILING" -> "state-failed";
                            default -> null;
                        }, connector -> connector.status().failureMessage()),
                Tables.styledColumn(Messages.text("connectors.column.problem"), "connectors-problem", 140,
                        connector -> Messages.named("connectors.failure.", connector.status().failure()),
                        connector -> connector.status().failure() == null ? null : "state-failed",
                        connector -> connector.status().failureMessage()),
                column("fetched", 65, connector -> String.valueOf(connector.delivered()))));
        connectorTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        connectorTable.getSelectionModel().selectedItemProperty().addListener((observable, old, connector) -> {
            if (connector != null && connector != model.selectedProperty().get()) {
                model.selectedProperty().set(connector);
            }
        });
        var selected = model.selectedProperty();
        selected.addListener((observable, old, connector) -> {
            if (connector == null) {
                connectorTable.getSelectionModel().clearSelection();
            } else if (connectorTable.getSelectionModel().getSelectedItem() != connector) {
                connectorTable.getSelectionModel().select(connector);
            }
        });
        reasonLabel.textProperty().bind(Bindings.createStringBinding(() -> reason(selected.get()), selected));
        hostKeyLabel.textProperty().bind(Bindings.createStringBinding(() -> hostKey(selected.get()), selected));
        runButton.disableProperty().bind(model.canRun().not());
        runningIndicator.visibleProperty().bind(model.runningProperty());
        enableButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.text(
                selected.get() == null || selected.get().enabled() ? "connectors.disable" : "connectors.enable"),
                selected));
        enableButton.accessibleHelpProperty().bind(Bindings.createStringBinding(() -> Messages.text(
                selected.get() == null || selected.get().enabled() ? "connectors.disable.help"
                        : "connectors.enable.help"), selected));
        enableButton.disableProperty().bind(model.canChange().not());
        confirmHostKeyButton.disableProperty().bind(model.canConfirmHostKey().not());
        deleteButton.disableProperty().bind(model.canChange().not());
    }

    private void bindFiles() {
        var selected = model.selectedProperty();
        filesTitle.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null
                ? Messages.text("connectors.files.none")
                : Messages.format("connectors.files.title", selected.get().name()), selected));
        fileStateLabel.setLabelFor(fileStateBox);
        fileStateBox.getItems().setAll(FILE_STATES);
        fileStateBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String state) {
                return state == null || state.isEmpty() ? Messages.text("connectors.files.all")
                        : Messages.named("connectors.fileState.", state);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        fileStateBox.valueProperty().bindBidirectional(model.fileStateProperty());
        fileTable.setItems(model.files());
        fileTable.setPlaceholder(new Label(Messages.text("connectors.files.empty")));
        fileTable.getColumns().setAll(List.of(
                column("path", 260, ConnectorFile::path),
                column("size", 80, file -> Sizes.describe(file.size())),
                column("modified", 150, file -> Times.describe(file.modifiedAt())),
                Tables.styledColumn(Messages.text("connectors.column.status"), "connectors-fileState", 110,
                        file -> Messages.named("connectors.fileState.", file.state()),
                        file -> switch (file.state()) {
                            case "DELIVERED" -> "state-done";
                            case "FAILED" -> "state-failed";
                            default -> null;
                        }, ConnectorFile::lastError),
                column("attempts", 90, file -> String.valueOf(file.attempts())),
                column("error", 300, ConnectorFile::lastError)));
        fileTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static String describe(Connection connection) {
        return connection == null || !connection.hasCampaign() ? Messages.text("connectors.campaign.none")
                : Messages.format("connectors.campaign", connection.profile().campaignName(),
                connection.profile().name());
    }

    /** Where the connector fetches from, as an address: {@code user@host:port/path} or {@code s3://bucket/prefix}. */
    static String target(Connector connector) {
        if (!connector.onHost()) {
            String where = connector.endpoint() != null ? connector.endpoint() : connector.region();
            return "s3://" + connector.bucket() + (blank(connector.prefix()) ? "" : "/" + connector.prefix())
                    + (blank(where) ? "" : " (" + where + ")");
        }
        String path = blank(connector.basePath()) ? "" : connector.basePath().startsWith("/") ? connector.basePath()
                : "/" + connector.basePath();
        return connector.username() + "@" + connector.host() + ":" + connector.port() + path;
    }

    private static String reason(Connector connector) {
        if (connector == null || connector.status().failure() == null) {
            return "";
        }
        return Messages.format("connectors.reason", Messages.named("connectors.failure.",
                connector.status().failure()), connector.status().failureMessage());
    }

    private static String hostKey(Connector connector) {
        if (connector == null || !connector.onHost() || "ftp".equals(connector.protocol())) {
            return "";
        }
        return connector.hostKeyFingerprint() == null ? Messages.text("connectors.hostKey.none")
                : Messages.format("connectors.hostKey.pinned", connector.hostKeyFingerprint());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        return Tables.column(Messages.text("connectors.column." + key), "connectors-" + key, width, value);
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void newConnector() {
        model.newConnector();
    }

    @FXML
    private void runNow() {
        model.runNow();
    }

    @FXML
    private void toggleEnabled() {
        model.toggleEnabled();
    }

    @FXML
    private void confirmHostKey() {
        var dialog = ConnectorDialogs.confirmHostKey(root.getScene().getWindow(), model.selectedProperty().get());
        dialog.resultProperty().addListener((observable, old, fingerprint) -> {
            if (fingerprint != null) {
                model.confirmHostKey(fingerprint);
            }
        });
        dialog.show();
    }

    @FXML
    private void delete() {
        var dialog = ConnectorDialogs.confirmDelete(root.getScene().getWindow(), model.selectedProperty().get());
        dialog.resultProperty().addListener((observable, old, confirmed) -> {
            if (Boolean.TRUE.equals(confirmed)) {
                model.delete();
            }
        });
        dialog.show();
    }
}
