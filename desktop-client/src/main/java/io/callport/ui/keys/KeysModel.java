package io.callport.ui.keys;

import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
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

    public KeysModel(KeyService keys, Background background) {
        this.keys = keys;
        this.generating = new LatestResult<>(background);
        this.writing = new LatestResult<>(background);
        passphraseProblem = Bindings.createStringBinding(() -> passphrase.get().equals(repeat.get()) ? ""
                : Messages.text("keys.passphrase.differ"), passphrase, repeat);
        canGenerate = passphraseProblem.isEmpty().and(generating.runningProperty().not());
        canSave = key.isNotNull().and(writing.runningProperty().not());
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
        write(() -> {
            keys.save(current, privateKeyFile);
            return Messages.format("keys.status.saved", privateKeyFile.getFileName(),
                    privateKeyFile.getFileName() + ".pub");
        });
    }

    public void exportPutty(Path ppkFile) {
        GeneratedKey current = key.get();
        write(() -> {
            keys.exportPutty(current, ppkFile);
            return Messages.format("keys.status.exported", ppkFile.getFileName());
        });
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
}
