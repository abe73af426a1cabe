package io.callport.ui.keys;

import io.callport.service.GeneratedKey;
import io.callport.service.KeyType;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser.ExtensionFilter;

/** Binds the Keys screen's controls to its {@link KeysModel}. */
public final class KeysController {
    private final UiContext context;
    private final KeysModel model;

    @FXML private Node root;
    @FXML private ToggleGroup typeGroup;
    @FXML private RadioButton ed25519Choice;
    @FXML private RadioButton rsaChoice;
    @FXML private TextField commentField;
    @FXML private PasswordField passphraseField;
    @FXML private PasswordField repeatField;
    @FXML private Label passphraseProblemLabel;
    @FXML private Button generateButton;
    @FXML private ProgressIndicator generatingIndicator;
    @FXML private VBox keyCard;
    @FXML private Label fingerprintLabel;
    @FXML private TextArea publicKeyArea;
    @FXML private Button copyButton;
    @FXML private Button saveButton;
    @FXML private Button exportButton;
    @FXML private VBox serverCard;
    @FXML private Label registerHintLabel;
    @FXML private Button registerButton;
    @FXML private ProgressIndicator registeringIndicator;
    @FXML private GridPane accountGrid;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField usernameField;
    @FXML private HBox testRow;
    @FXML private Button testButton;
    @FXML private Label connectionTestLabel;
    @FXML private Label statusLabel;
    @FXML private Label failureLabel;

    public KeysController(UiContext context) {
        this.context = context;
        this.model = new KeysModel(context.keys(), context.profileSetup(), context.uploads(), context.workspace(),
                context.background());
    }

    public KeysModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        ed25519Choice.setUserData(KeyType.ED25519);
        rsaChoice.setUserData(KeyType.RSA);
        typeGroup.selectToggle(ed25519Choice);
        typeGroup.selectedToggleProperty().addListener((observable, old, chosen) -> {
            if (chosen != null) {
                model.typeProperty().set((KeyType) chosen.getUserData());
            }
        });
        commentField.textProperty().bindBidirectional(model.commentProperty());
        passphraseField.textProperty().bindBidirectional(model.passphraseProperty());
        repeatField.textProperty().bindBidirectional(model.repeatProperty());
        passphraseProblemLabel.textProperty().bind(model.passphraseProblem());
        generateButton.disableProperty().bind(model.canGenerate().not());
        generatingIndicator.visibleProperty().bind(model.generatingProperty());
        var key = model.keyProperty();
        keyCard.visibleProperty().bind(key.isNotNull());
        keyCard.managedProperty().bind(keyCard.visibleProperty());
        fingerprintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> key.get() == null ? "" : key.get().fingerprint(), key));
        publicKeyArea.textProperty().bind(Bindings.createStringBinding(
                () -> key.get() == null ? "" : key.get().publicKey(), key));
        copyButton.disableProperty().bind(key.isNull());
        saveButton.disableProperty().bind(model.canSave().not());
        exportButton.disableProperty().bind(model.canSave().not());
        bindServer();
        statusLabel.textProperty().bind(model.statusProperty());
        failureLabel.textProperty().bind(model.failureProperty());
        Labels.collapseWhenEmpty(passphraseProblemLabel, statusLabel, failureLabel);
    }

    private void bindServer() {
        serverCard.visibleProperty().bind(model.keyProperty().isNotNull());
        serverCard.managedProperty().bind(serverCard.visibleProperty());
        registerHintLabel.textProperty().bind(model.registerHint());
        registerButton.disableProperty().bind(model.canRegister().not());
        registeringIndicator.visibleProperty().bind(model.registeringProperty());
        var account = model.accountProperty();
        accountGrid.visibleProperty().bind(account.isNotNull());
        accountGrid.managedProperty().bind(accountGrid.visibleProperty());
        testRow.visibleProperty().bind(account.isNotNull());
        testRow.managedProperty().bind(testRow.visibleProperty());
        hostField.textProperty().bind(Bindings.createStringBinding(() -> account.get() == null ? ""
                : account.get().host(), account));
        portField.textProperty().bind(Bindings.createStringBinding(() -> account.get() == null ? ""
                : String.valueOf(account.get().port()), account));
        usernameField.textProperty().bind(Bindings.createStringBinding(() -> account.get() == null ? ""
                : account.get().username(), account));
        testButton.disableProperty().bind(model.canTest().not());
        connectionTestLabel.textProperty().bind(model.connectionTestProperty());
    }

    @FXML
    private void register() {
        model.register();
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void copyHost() {
        copy(hostField.getText(), Messages.text("keys.account.host"));
    }

    @FXML
    private void copyPort() {
        copy(portField.getText(), Messages.text("keys.account.port"));
    }

    @FXML
    private void copyUsername() {
        copy(usernameField.getText(), Messages.text("keys.account.username"));
    }

    private void copy(String text, String what) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        model.copiedAccount(what);
    }

    @FXML
    private void generate() {
        model.generate();
    }

    @FXML
    private void copyPublicKey() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.keyProperty().get().publicKey());
        Clipboard.getSystemClipboard().setContent(content);
        model.copied();
    }

    @FXML
    private void savePrivateKey() {
        GeneratedKey key = model.keyProperty().get();
        context.dialogs().saveFile(root.getScene().getWindow(), Messages.text("keys.save.title"),
                key.type().fileName()).ifPresent(model::save);
    }

    @FXML
    private void exportPutty() {
        GeneratedKey key = model.keyProperty().get();
        context.dialogs().saveFile(root.getScene().getWindow(), Messages.text("keys.export.title"),
                key.type().fileName() + ".ppk", new ExtensionFilter(Messages.text("filter.ppk"), "*.ppk"))
                .ifPresent(model::exportPutty);
    }
}
