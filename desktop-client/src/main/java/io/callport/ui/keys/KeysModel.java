package io.callport.ui.keys;

import io.callport.service.Connection;
import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import io.callport.service.Profile;
import io.callport.service.ProfileSetup;
import io.callport.service.api.SftpAccess;
import io.callport.service.upload.UploadService;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Workspace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the Keys screen: the kind of key and its passphrase, the key once generated (in every format, so
 * the passphrase is forgotten at once), and where it was saved.
 */
public final class KeysModel {
    private final KeyService keys;
    private final LatestResult<GeneratedKey> generating;
    private final LatestResult<String> writing;

    private final ObjectProperty<KeyType> type = new SimpleObjectProperty<>(this, "type", KeyType.ED25519);
    private final StringProperty comment = new SimpleStringProperty(this, "comment", KeyService.defaultComment());
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyObjectWrapper<GeneratedKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final StringBinding passphraseProblem;
    private final BooleanBinding canGenerate;
    private final BooleanBinding canSave;
    private final ProfileSetup setup;
    private final UploadService uploads;
    private final Workspace workspace;
    private final LatestResult<Profile> registering;
    private final LatestResult<java.util.List<String>> testing;
    private final ReadOnlyObjectWrapper<Path> savedAs = new ReadOnlyObjectWrapper<>(this, "savedAs");
    private final ReadOnlyObjectWrapper<SftpAccess> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyStringWrapper connectionTest = new ReadOnlyStringWrapper(this, "connectionTest", "");
    private final BooleanBinding canRegister;
    private final BooleanBinding canTest;
    private final StringBinding registerHint;

    public KeysModel(KeyService keys, ProfileSetup setup, UploadService uploads, Workspace workspace,
                     Background background) {
        this.keys = keys;
        this.setup = setup;
        this.uploads = uploads;
        this.workspace = workspace;
        this.generating = new LatestResult<>(background);
        this.writing = new LatestResult<>(background);
        this.registering = new LatestResult<>(background);
        this.testing = new LatestResult<>(background);
        passphraseProblem = Bindings.createStringBinding(() -> passphrase.get().equals(repeat.get()) ? ""
                : Messages.text("keys.passphrase.differ"), passphrase, repeat);
        canGenerate = passphraseProblem.isEmpty().and(generating.runningProperty().not());
        canSave = key.isNotNull().and(writing.runningProperty().not());
        var connection = workspace.connectionProperty();
        canRegister = savedAs.isNotNull().and(Bindings.createBooleanBinding(() -> connection.get() != null
                && connection.get().hasCampaign(), connection)).and(registering.runningProperty().not());
        canTest = account.isNotNull().and(testing.runningProperty().not());
        registerHint = Bindings.createStringBinding(() -> {
            if (connection.get() == null || !connection.get().hasCampaign()) {
                return Messages.text("keys.register.needsServer");
            }
            Profile profile = connection.get().profile();
            return savedAs.get() == null ? Messages.text("keys.register.needsSave")
                    : Messages.format("keys.register.hint", profile.campaignName(), profile.name());
        }, connection, savedAs);
        key.addListener((observable, old, now) -> {
            savedAs.set(null);
            account.set(null);
            connectionTest.set("");
        });
    }

    /** Registers the public key with the connected server; the profile then sends by SFTP with this key. */
    public void register() {
        Connection connection = workspace.connectionProperty().get();
        Path privateKey = savedAs.get();
        String publicKey = key.get().publicKey();
        failure.set("");
        connectionTest.set("");
        registering.request(() -> setup.registerSshKey(connection, privateKey, publicKey), profile -> {
            account.set(profile.sftp());
            workspace.connectionProperty().set(new Connection(profile, connection.client()));
            status.set(Messages.format("keys.status.registered", profile.name()));
        }, error -> fail("keys.failure.register", error));
    }

    /** Logs in over SFTP with the registered key and lists the folder, to show the account works. */
    public void testConnection() {
        Profile profile = workspace.connectionProperty().get().profile();
        connectionTest.set(Messages.text("keys.test.running"));
        testing.request(() -> uploads.sftpConnector(profile).test(), names -> connectionTest.set(
                Messages.format("keys.test.ok", profile.sftp().username(), names.size())),
                error -> connectionTest.set(Messages.format("keys.test.failed", error.getMessage() == null
                        ? error.toString() : error.getMessage())));
    }

    /** Generates the key in the background, then forgets the passphrase. */
    public void generate() {
        KeyType chosenType = type.get();
        String chosenComment = comment.get() == null || comment.get().isBlank() ? KeyService.defaultComment()
                : comment.get().strip();
        char[] secret = passphrase.get().toCharArray();
        failure.set("");
        status.set(Messages.text(chosenType == KeyType.RSA ? "keys.status.generatingRsa" : "keys.status.generating"));
        generating.request(() -> {
            try {
                return keys.generate(chosenType, chosenComment, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, generated -> {
            key.set(generated);
            passphrase.set("");
            repeat.set("");
            status.set(Messages.text(generated.protectedByPassphrase() ? "keys.status.generatedProtected"
                    : "keys.status.generated"));
        }, error -> fail("keys.failure.generate", error));
    }

    /** Writes the private key, owner-only, and the public key beside it. */
    public void save(Path privateKeyFile) {
        GeneratedKey current = key.get();
        failure.set("");
        writing.request(() -> {
            keys.save(current, privateKeyFile);
            return Messages.format("keys.status.saved", privateKeyFile.getFileName(),
                    privateKeyFile.getFileName() + ".pub");
        }, saved -> {
            savedAs.set(privateKeyFile);
            status.set(saved);
        }, error -> fail("keys.failure.write", error));
    }

    public void exportPutty(Path ppkFile) {
        GeneratedKey current = key.get();
        write(() -> {
            keys.exportPutty(current, ppkFile);
            return Messages.format("keys.status.exported", ppkFile.getFileName());
        });
    }

    /** Says a part of the SFTP account was copied; the screen puts it on the clipboard. */
    public void copiedAccount(String what) {
        status.set(Messages.format("keys.status.accountCopied", what));
    }

    /** Says the public key was copied; the screen puts it on the clipboard. */
    public void copied() {
        status.set(Messages.text("keys.status.copied"));
    }

    private void write(Callable<String> work) {
        failure.set("");
        writing.request(work, status::set, error -> fail("keys.failure.write", error));
    }

    private void fail(String messageKey, Throwable error) {
        status.set("");
        failure.set(Messages.format(messageKey, error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    public ObjectProperty<KeyType> typeProperty() {
        return type;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public StringBinding passphraseProblem() {
        return passphraseProblem;
    }

    public ReadOnlyObjectProperty<GeneratedKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty generatingProperty() {
        return generating.runningProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public BooleanBinding canGenerate() {
        return canGenerate;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    /** Where the private key was saved; SFTP logs in with that file. */
    public ReadOnlyObjectProperty<Path> savedAsProperty() {
        return savedAs.getReadOnlyProperty();
    }

    /** The SFTP account the server opened for the key, once registered. */
    public ReadOnlyObjectProperty<SftpAccess> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** What the last connection test found. */
    public ReadOnlyStringProperty connectionTestProperty() {
        return connectionTest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty registeringProperty() {
        return registering.runningProperty();
    }

    public BooleanBinding canRegister() {
        return canRegister;
    }

    public BooleanBinding canTest() {
        return canTest;
    }

    /** What registering does now, or what it waits for. */
    public StringBinding registerHint() {
        return registerHint;
    }
}
