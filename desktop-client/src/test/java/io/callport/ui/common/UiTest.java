package io.callport.ui.common;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What the screen tests share: a context with scripted file dialogs, and waiting for background work. */
public final class UiTest {
    public static final double WIDTH = 1240;
    public static final double HEIGHT = 800;

    private UiTest() {
    }

    public static UiContext context(ScriptedFileDialogs dialogs) {
        return UiContext.create(dialogs);
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
