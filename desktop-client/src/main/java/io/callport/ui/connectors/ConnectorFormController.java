package io.callport.ui.connectors;

import io.callport.naming.FileNameConvention;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.UiContext;
import io.callport.ui.connectors.ConnectorForm.Text;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Binds the connector form, included in the Connectors screen, to the {@link ConnectorForm} of its model. */
public final class ConnectorFormController {
    /** The customers' date-folder conventions offered; any other pattern can be typed. */
    static final List<String> DATE_FOLDERS = List.of("yyyyMMdd", "yyyy_MM_dd", "yyyy-MM-dd", "yyyy/MM/dd");

    private final UiContext context;
    private ConnectorsModel model;

    @FXML private Node root;
    @FXML private ToggleGroup loginGroup;
    @FXML private ToggleGroup s3LoginGroup;
    @FXML private ToggleGroup ftpModeGroup;
    @FXML private ToggleGroup timingGroup;
    @FXML private ToggleGroup pickingGroup;
    @FXML private TextField nameField;
    @FXML private ChoiceBox<ConnectorKind> kindBox;
    @FXML private GridPane hostGrid;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField usernameField;
    @FXML private Label loginLabel;
    @FXML private HBox loginRow;
    @FXML private Label passwordLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label privateKeyLabel;
    @FXML private HBox privateKeyRow;
    @FXML private TextField privateKeyField;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphraseField;
    @FXML private TextField basePathField;
    @FXML private Label ftpModeLabel;
    @FXML private Node ftpModeRow;
    @FXML private GridPane s3Grid;
    @FXML private TextField bucketField;
    @FXML private TextField prefixField;
    @FXML private TextField regionField;
    @FXML private TextField endpointField;
    @FXML private Label dropsKeysLabel;
    @FXML private Label accessKeyLabel;
    @FXML private TextField accessKeyField;
    @FXML private Label secretKeyLabel;
    @FXML private PasswordField secretKeyField;
    @FXML private Label secretsLabel;
    @FXML private ComboBox<String> dateFoldersBox;
    @FXML private TextField lookbackField;
    @FXML private TextField timeZoneField;
    @FXML private RadioButton everyChoice;
    @FXML private TextField everyField;
    @FXML private RadioButton cronChoice;
    @FXML private TextField cronField;
    @FXML private RadioButton percentageChoice;
    @FXML private TextField percentageField;
    @FXML private RadioButton perAgentChoice;
    @FXML private TextField perAgentField;
    @FXML private Label conventionLabel;
    @FXML private TextField quietField;
    @FXML private TextField parallelField;
    @FXML private CheckBox enabledCheck;
    @FXML private Label problemLabel;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private ProgressIndicator savingIndicator;

    public ConnectorFormController(UiContext context) {
        this.context = context;
    }

    /** Binds the form to the screen's model; called by the screen once both are loaded. */
    void attach(ConnectorsModel screenModel) {
        model = screenModel;
        ConnectorForm form = model.form();
        bindTexts(form);
        kindBox.getItems().setAll(ConnectorKind.values());
        kindBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectorKind kind) {
                return kind == null ? "" : Messages.text("connectors.kind." + kind.name());
            }

            @Override
            public ConnectorKind fromString(String text) {
                return ConnectorKind.valueOf(text);
            }
        });
        kindBox.valueProperty().bindBidirectional(form.kindProperty());
        bindToggles(loginGroup, form.loginProperty(), ConnectorForm.Login.class);
        bindToggles(s3LoginGroup, form.s3LoginProperty(), ConnectorForm.S3Login.class);
        bindToggles(ftpModeGroup, form.ftpModeProperty(), ConnectorForm.FtpMode.class);
        bindToggles(timingGroup, form.timingProperty(), ConnectorForm.Timing.class);
        bindToggles(pickingGroup, form.pickingProperty(), ConnectorForm.Picking.class);
        selectWhenFocused(everyField, everyChoice);
        selectWhenFocused(cronField, cronChoice);
        selectWhenFocused(percentageField, percentageChoice);
        selectWhenFocused(perAgentField, perAgentChoice);
        enabledCheck.selectedProperty().bindBidirectional(form.enabledProperty());
        dateFoldersBox.getItems().setAll(DATE_FOLDERS);
        dateFoldersBox.getEditor().textProperty().bindBidirectional(form.text(Text.DATE_FOLDERS));
        bindVisibility(form);
        bindSecrets(form);
        var convention = form.conventionProperty();
        conventionLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(convention.get()),
                convention));
        problemLabel.textProperty().bind(form.problem());
        saveButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.text(
                form.editingProperty().get() == null ? "connectors.form.add" : "connectors.form.save"),
                form.editingProperty()));
        saveButton.disableProperty().bind(model.canSave().not());
        revertButton.disableProperty().bind(model.connected().not());
        savingIndicator.visibleProperty().bind(model.savingProperty());
        Labels.collapseWhenEmpty(secretsLabel, problemLabel);
    }

    private void bindTexts(ConnectorForm form) {
        bind(nameField, form.text(Text.NAME));
        bind(hostField, form.text(Text.HOST));
        bind(portField, form.text(Text.PORT));
        bind(usernameField, form.text(Text.USERNAME));
        bind(passwordField, form.text(Text.PASSWORD));
        bind(passphraseField, form.text(Text.PASSPHRASE));
        bind(basePathField, form.text(Text.BASE_PATH));
        bind(bucketField, form.text(Text.BUCKET));
        bind(prefixField, form.text(Text.PREFIX));
        bind(regionField, form.text(Text.REGION));
        bind(endpointField, form.text(Text.ENDPOINT));
        bind(accessKeyField, form.text(Text.ACCESS_KEY));
        bind(secretKeyField, form.text(Text.SECRET_KEY));
        bind(lookbackField, form.text(Text.LOOKBACK_DAYS));
        bind(timeZoneField, form.text(Text.TIME_ZONE));
        bind(everyField, form.text(Text.EVERY_MINUTES));
        bind(cronField, form.text(Text.CRON));
        bind(percentageField, form.text(Text.PERCENTAGE));
        bind(perAgentField, form.text(Text.PER_AGENT));
        bind(quietField, form.text(Text.QUIET_PERIOD_SECONDS));
        bind(parallelField, form.text(Text.PARALLEL_FETCHES));
        var keyFile = form.privateKeyFileProperty();
        privateKeyField.textProperty().bind(Bindings.createStringBinding(() -> keyFile.get() == null ? ""
                : keyFile.get().toString(), keyFile));
    }

    /**
     * Shows the host's fields or the bucket's, for SFTP the password or the private key, for FTP the data connection's
     * mode, and for S3 the keys, or that choosing the default credentials drops the stored ones.
     */
    private void bindVisibility(ConnectorForm form) {
        var kind = form.kindProperty();
        BooleanBinding onHost = Bindings.createBooleanBinding(() -> kind.get().onHost(), kind);
        BooleanBinding sftp = kind.isEqualTo(ConnectorKind.SFTP);
        BooleanBinding withKey = sftp.and(form.loginProperty().isEqualTo(ConnectorForm.Login.PRIVATE_KEY));
        BooleanBinding ftp = kind.isEqualTo(ConnectorKind.FTP).or(kind.isEqualTo(ConnectorKind.FTPS));
        BooleanBinding withS3Keys = form.s3LoginProperty().isEqualTo(ConnectorForm.S3Login.ACCESS_KEY);
        showWhen(onHost, hostGrid);
        showWhen(onHost.not(), s3Grid);
        showWhen(sftp, loginLabel, loginRow);
        showWhen(withKey.not(), passwordLabel, passwordField);
        showWhen(withKey, privateKeyLabel, privateKeyRow, passphraseLabel, passphraseField);
        showWhen(ftp, ftpModeLabel, ftpModeRow);
        showWhen(withS3Keys, accessKeyLabel, accessKeyField, secretKeyLabel, secretKeyField);
        showWhen(withS3Keys.not().and(form.secretsStored()), dropsKeysLabel);
    }

    /** Secrets are never shown: a stored one is said to be there, and typing replaces it. */
    private void bindSecrets(ConnectorForm form) {
        var stored = form.secretsStored();
        var prompt = Bindings.when(stored).then(Messages.text("connectors.form.secret.stored")).otherwise("");
        for (TextField secret : List.of(passwordField, accessKeyField, secretKeyField)) {
            secret.promptTextProperty().bind(prompt);
        }
        secretsLabel.textProperty().bind(Bindings.when(stored)
                .then(Messages.text("connectors.form.secretsStored")).otherwise(""));
    }

    private static String describe(FileNameConvention convention) {
        return convention == null ? Messages.text("connectors.form.convention.none")
                : Messages.format("connectors.form.convention", convention.pattern());
    }

    private static void bind(TextField field, StringProperty text) {
        field.textProperty().bindBidirectional(text);
    }

    /** Keeps the chosen toggle (whose userData names a constant) and the property the same, both ways. */
    private static <E extends Enum<E>> void bindToggles(ToggleGroup group, ObjectProperty<E> property, Class<E> type) {
        Runnable select = () -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData().equals(property.get().name())).findFirst()
                .ifPresent(group::selectToggle);
        select.run();
        property.addListener((observable, old, now) -> select.run());
        group.selectedToggleProperty().addListener((observable, old, chosen) -> {
            if (chosen != null) {
                property.set(Enum.valueOf(type, (String) chosen.getUserData()));
            }
        });
    }

    /** Typing in the field of a choice chooses it. */
    private static void selectWhenFocused(TextField field, Toggle choice) {
        field.focusedProperty().addListener((observable, was, focused) -> {
            if (focused) {
                choice.setSelected(true);
            }
        });
    }

    private static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    @FXML
    private void choosePrivateKey() {
        context.dialogs().openFile(root.getScene().getWindow(), Messages.text("connectors.form.privateKey.title"))
                .ifPresent(model::readPrivateKey);
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void revert() {
        model.revert();
    }
}
