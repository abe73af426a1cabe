package io.callport.ui.common;

import io.callport.service.Profiles;
import io.callport.service.credentials.FileCredentialStore;
import io.callport.service.upload.UploadTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the screen tests share: a context with scripted file dialogs, and waiting for background work. */
public final class UiTest {
    public static final double WIDTH = 1240;
    public static final double HEIGHT = 800;

    private UiTest() {
    }

    /**
     * A context whose profiles live in a new temporary folder, keys in a file there: never the person's own; it sends
     * files with the given tuning.
     */
    public static UiContext context(ScriptedFileDialogs dialogs, UploadTuning tuning) {
        try {
            Path folder = Files.createTempDirectory("callport-profiles");
            return UiContext.create(dialogs, new Profiles(folder, new FileCredentialStore(folder.resolve("keys.json"))),
                    tuning);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows a screen in the test's stage, in the light theme. */
    public static <C> Views.View<C> show(Stage stage, Class<C> controller, String fxml, UiContext context) {
        Views.View<C> view = Views.load(controller, fxml, context);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    /** The text of the label the query finds. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The text of the text field or area the query finds. */
    public static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    public static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    /** Waits until the condition, checked on the FX thread, holds; fails after the timeout. */
    public static void waitUntil(long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("The screen did not reach the expected state within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
