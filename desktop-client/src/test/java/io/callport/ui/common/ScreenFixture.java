package io.callport.ui.common;

import io.callport.service.upload.UploadTuning;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One screen (or the main window) shown for a test, in a context whose file dialogs the test scripts and whose
 * profiles live in a new folder; its background threads stop after the test. Register it on an instance field and
 * show the screen from the test's {@code @Start} method, after preparing the context if need be.
 */
public final class ScreenFixture implements AfterEachCallback {
    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private UploadTuning uploadTuning = UploadTuning.DEFAULT;
    private UiContext context;

    /** Shows the screen in the test's stage and returns its controller. */
    public <C> C show(Stage stage, Class<C> controller, String fxml) {
        return UiTest.show(stage, controller, fxml, context()).controller();
    }

    /** The context of the test, made on first use. */
    public UiContext context() {
        if (context == null) {
            context = UiTest.context(dialogs, uploadTuning);
        }
        return context;
    }

    /** How the context will send files; call it before the context is made. */
    public void sendWith(UploadTuning tuning) {
        if (context != null) {
            throw new IllegalStateException("The context is made already");
        }
        uploadTuning = tuning;
    }

    public ScriptedFileDialogs dialogs() {
        return dialogs;
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        if (context != null) {
            context.background().close();
        }
    }
}
