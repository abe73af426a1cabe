package io.callport.ui.keys;

import static io.callport.service.ExternalTools.run;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.KeyType;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.ScriptedFileDialogs;
import io.callport.ui.common.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KeysScreenTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private ScriptedFileDialogs dialogs;
    private KeysModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, KeysController.class, "KeysScreen.fxml").model();
        dialogs = ui.dialogs();
    }

    @Test
    void generatesAnEd25519KeyShowsItsPublicKeyAndSavesItOwnerOnly(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#keyCard").query().isVisible()).isFalse();

        robot.clickOn("#generateButton");
        UiTest.waitUntil(10, () -> model.keyProperty().get() != null);

        String publicKey = robot.lookup("#publicKeyArea").queryAs(TextArea.class).getText();
        assertThat(publicKey).startsWith("ssh-ed25519 AAAA");
        assertThat(text(robot, "#fingerprintLabel")).startsWith("SHA256:");
        assertThat(robot.lookup("#keyCard").query().isVisible()).isTrue();

        Path privateKey = dir.resolve("id_ed25519");
        dialogs.answer(privateKey);
        robot.clickOn("#saveButton");
        UiTest.waitUntil(5, () -> text(robot, "#statusLabel").startsWith("Saved id_ed25519"));

        assertThat(dialogs.lastSuggestedName()).isEqualTo("id_ed25519");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("id_ed25519.pub")).strip()).isEqualTo(publicKey);
        assertThat(run("ssh-keygen", "-y", "-f", privateKey.toString())).startsWith(
                publicKey.substring(0, publicKey.lastIndexOf(' ')));
    }

    @Test
    void copiesThePublicKeyAndExportsAPuttyFile(FxRobot robot) throws Exception {
        robot.clickOn("#generateButton");
        UiTest.waitUntil(10, () -> model.keyProperty().get() != null);

        robot.clickOn("#copyButton");
        AtomicReference<String> clipboard = new AtomicReference<>();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        assertThat(clipboard.get()).isEqualTo(model.keyProperty().get().publicKey());
        assertThat(text(robot, "#statusLabel")).isEqualTo("Public key copied to the clipboard.");

        Path ppk = dir.resolve("callport.ppk");
        dialogs.answer(ppk);
        robot.clickOn("#exportButton");
        UiTest.waitUntil(5, () -> Files.exists(ppk) && text(robot, "#statusLabel").startsWith("Saved callport.ppk"));

        assertThat(dialogs.lastSuggestedName()).isEqualTo("id_ed25519.ppk");
        assertThat(Files.readAllLines(ppk).getFirst()).isEqualTo("PuTTY-User-Key-File-3: ssh-ed25519");
    }

    @Test
    void passphrasesThatDifferKeepTheKeyFromBeingGenerated(FxRobot robot) throws Exception {
        robot.clickOn("#passphraseField").write("first try");
        robot.clickOn("#repeatField").write("frist try");

        assertThat(text(robot, "#passphraseProblemLabel")).contains("differ");
        assertThat(robot.lookup("#generateButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#rsaChoice");
        robot.doubleClickOn("#repeatField").eraseText(9).write("first try");
        assertThat(robot.lookup("#generateButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#generateButton");
        UiTest.waitUntil(30, () -> model.keyProperty().get() != null);

        assertThat(model.keyProperty().get().type()).isEqualTo(KeyType.RSA);
        assertThat(model.keyProperty().get().protectedByPassphrase()).isTrue();
        assertThat(robot.lookup("#passphraseField").queryAs(PasswordField.class).getText()).isEmpty();
        Path privateKey = dir.resolve("id_rsa");
        dialogs.answer(privateKey);
        robot.clickOn("#saveButton");
        UiTest.waitUntil(5, () -> Files.exists(privateKey));
        assertThat(run("ssh-keygen", "-y", "-P", "first try", "-f", privateKey.toString())).startsWith("ssh-rsa ");
    }
}
