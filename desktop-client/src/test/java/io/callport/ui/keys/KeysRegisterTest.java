package io.callport.ui.keys;

import static io.callport.ui.common.UiTest.button;
import static io.callport.ui.common.UiTest.field;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Profile;
import io.callport.service.Transport;
import io.callport.testing.ServerFixture;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Keys screen registers a new key with a real server and logs in with it over SFTP. */
@ExtendWith(ApplicationExtension.class)
class KeysRegisterTest {
    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();

    @TempDir
    Path dir;
    private KeysModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, KeysController.class, "KeysScreen.fxml").model();
    }

    @Test
    void aSavedKeyIsRegisteredItsAccountCopiedAndItsLoginTested(FxRobot robot) throws Exception {
        UiContext context = ui.context();
        Profile profile = SERVER.httpProfile();
        context.profiles().save(profile, SERVER.server().ownerKey());
        robot.interact(() -> context.workspace().connectionProperty().set(SERVER.connection(profile)));
        robot.clickOn("#generateButton");
        UiTest.waitUntil(10, () -> model.keyProperty().get() != null);
        assertThat(button(robot, "#registerButton").isDisabled()).isTrue();
        assertThat(text(robot, "#registerHintLabel")).startsWith("Save the private key first");

        Path privateKey = dir.resolve("id_ed25519");
        ui.dialogs().answer(privateKey);
        robot.clickOn("#saveButton");
        UiTest.waitUntil(5, () -> !button(robot, "#registerButton").isDisabled());
        robot.clickOn("#registerButton");
        UiTest.waitUntil(10, () -> model.accountProperty().get() != null);

        assertThat(field(robot, "#hostField")).isEqualTo("127.0.0.1");
        assertThat(field(robot, "#portField")).isEqualTo(String.valueOf(SERVER.server().sftpPort()));
        assertThat(field(robot, "#usernameField")).isEqualTo(model.accountProperty().get().username()).isNotBlank();
        assertThat(text(robot, "#statusLabel")).isEqualTo("Registered. The profile test now sends by SFTP with this key.");
        Profile saved = context.profiles().find("test").orElseThrow();
        assertThat(saved.transport()).isEqualTo(Transport.SFTP);
        assertThat(saved.sshKey()).isEqualTo(privateKey);
        assertThat(saved.sftp().fingerprint()).isEqualTo(model.keyProperty().get().fingerprint());
        assertThat(context.workspace().connectionProperty().get().profile()).isEqualTo(saved);

        robot.clickOn("#copyUsernameButton");
        AtomicReference<String> clipboard = new AtomicReference<>();
        robot.interact(() -> clipboard.set(Clipboard.getSystemClipboard().getString()));
        assertThat(clipboard.get()).isEqualTo(saved.sftp().username());

        robot.interact(() -> button(robot, "#testButton").fire()); // below the fold of the 800-pixel window
        UiTest.waitUntil(15, () -> text(robot, "#connectionTestLabel").startsWith("Logged in"));
        assertThat(text(robot, "#connectionTestLabel")).isEqualTo("Logged in as " + saved.sftp().username()
                + "; the folder holds nothing yet.");
    }
}
