package io.callport.ui.connect;

import io.callport.service.Profile;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import io.callport.service.api.SftpAccess;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.UiContext;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** Binds the Connect screen's controls to its {@link ConnectModel}. */
public final class ConnectController {
    private final UiContext context;
    private final ConnectModel model;

    @FXML private Node root;
    @FXML private Label profilesLabel;
    @FXML private ListView<Profile> profileList;
    @FXML private Button deleteButton;
    @FXML private TextField nameField;
    @FXML private TextField urlField;
    @FXML private PasswordField keyField;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testingIndicator;
    @FXML private Label testLabel;
    @FXML private ComboBox<Campaign> campaignBox;
    @FXML private ToggleGroup transportGroup;
    @FXML private RadioButton sftpChoice;
    @FXML private RadioButton httpChoice;
    @FXML private TextField sshKeyField;
    @FXML private Button chooseKeyButton;
    @FXML private TextField watchField;
    @FXML private Button clearWatchButton;
    @FXML private Label keyStoreLabel;
    @FXML private Label sftpLabel;
    @FXML private Button saveButton;
    @FXML private Label statusLabel;
    @FXML private Label failureLabel;

    public ConnectController(UiContext context) {
        this.context = context;
        this.model = new ConnectModel(context.profiles(), context.profileSetup(), context.workspace(),
                context.background());
    }

    public ConnectModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        bindProfiles();
        nameField.textProperty().bindBidirectional(model.nameProperty());
        urlField.textProperty().bindBidirectional(model.urlProperty());
        keyField.textProperty().bindBidirectional(model.apiKeyProperty());
        for (TextField field : new TextField[] {urlField, keyField}) {
            field.setOnAction(event -> model.testIfEntered());
            field.focusedProperty().addListener((observable, was, focused) -> {
                if (!focused) {
                    model.testIfEntered();
                }
            });
        }
        testButton.disableProperty().bind(model.canTest().not());
        testingIndicator.visibleProperty().bind(model.testingProperty());
        testLabel.textProperty().bind(Bindings.createStringBinding(() -> model.testResultProperty().get().isEmpty()
                ? Messages.text("connect.test.needed") : model.testResultProperty().get(), model.testResultProperty()));
        testLabel.getStyleClass().setAll("label", "hint");
        model.keyAcceptedProperty().addListener((observable, was, accepted) -> styleTest());
        model.testResultProperty().addListener((observable, was, result) -> styleTest());
        bindCampaigns();
        bindTransport();
        keyStoreLabel.setText(Messages.format("connect.keyStore", model.keyStoreDescription()));
        saveButton.disableProperty().bind(model.canSave().not());
        statusLabel.textProperty().bind(model.statusProperty());
        failureLabel.textProperty().bind(model.failureProperty());
        Labels.collapseWhenEmpty(statusLabel, failureLabel);
        model.load();
    }

    private void bindProfiles() {
        profilesLabel.setLabelFor(profileList);
        profileList.setItems(model.profiles());
        profileList.setPlaceholder(new Label(Messages.text("connect.profiles.empty")));
        profileList.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(Profile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.name() + "\n" + profile.url());
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((observable, old, profile) -> {
            if (profile != null && profile != model.selectedProperty().get()) {
                model.selectedProperty().set(profile);
            }
        });
        model.selectedProperty().addListener((observable, old, profile) -> {
            if (profile == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(profile);
            }
        });
        deleteButton.disableProperty().bind(model.selectedProperty().isNull());
    }

    private void bindCampaigns() {
        campaignBox.setItems(model.campaigns());
        campaignBox.setPromptText(Messages.text("connect.campaign.prompt"));
        campaignBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Campaign campaign) {
                return campaign == null ? "" : campaign.name() + "  (" + campaign.folder() + ")";
            }

            @Override
            public Campaign fromString(String text) {
                return null;
            }
        });
        campaignBox.valueProperty().bindBidirectional(model.campaignProperty());
        campaignBox.disableProperty().bind(model.keyAcceptedProperty().not());
    }

    private void bindTransport() {
        sftpChoice.setUserData(Transport.SFTP);
        httpChoice.setUserData(Transport.HTTP);
        selectTransport(model.transportProperty().get());
        model.transportProperty().addListener((observable, old, transport) -> selectTransport(transport));
        transportGroup.selectedToggleProperty().addListener((observable, old, chosen) -> {
            if (chosen != null) {
                model.transportProperty().set((Transport) chosen.getUserData());
            }
        });
        var sshKey = model.sshKeyProperty();
        sshKeyField.textProperty().bind(Bindings.createStringBinding(
                () -> sshKey.get() == null ? "" : sshKey.get().toString(), sshKey));
        var noSftp = model.transportProperty().isNotEqualTo(Transport.SFTP);
        sshKeyField.disableProperty().bind(noSftp);
        chooseKeyButton.disableProperty().bind(noSftp);
        var watch = model.watchFolderProperty();
        watchField.textProperty().bind(Bindings.createStringBinding(
                () -> watch.get() == null ? "" : watch.get().toString(), watch));
        clearWatchButton.disableProperty().bind(watch.isNull());
        sftpLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(model.sftpProperty().get()),
                model.sftpProperty(), model.transportProperty()));
        Labels.collapseWhenEmpty(sftpLabel);
    }

    private String describe(SftpAccess account) {
        if (model.transportProperty().get() != Transport.SFTP) {
            return "";
        }
        return account == null ? Messages.text("connect.sftp.none") : Messages.format("connect.sftp",
                account.username(), account.host(), account.port(), account.fingerprint());
    }

    private void selectTransport(Transport transport) {
        transportGroup.selectToggle(transport == Transport.SFTP ? sftpChoice : httpChoice);
    }

    private void styleTest() {
        boolean tested = !model.testResultProperty().get().isEmpty();
        testLabel.getStyleClass().setAll("label", !tested ? "hint"
                : model.keyAcceptedProperty().get() ? "success" : "problem");
    }

    @FXML
    private void newProfile() {
        model.newProfile();
        nameField.requestFocus();
    }

    @FXML
    private void deleteProfile() {
        model.delete();
    }

    @FXML
    private void test() {
        model.test();
    }

    @FXML
    private void chooseSshKey() {
        context.dialogs().openFile(root.getScene().getWindow(), Messages.text("connect.sshKey.title"))
                .ifPresent(model.sshKeyProperty()::set);
    }

    @FXML
    private void chooseWatchFolder() {
        context.dialogs().openFolder(root.getScene().getWindow(), Messages.text("connect.watch.title"))
                .ifPresent(model.watchFolderProperty()::set);
    }

    @FXML
    private void clearWatchFolder() {
        model.watchFolderProperty().set((Path) null);
    }

    @FXML
    private void save() {
        model.save();
    }
}
