package io.callport.ui.shell;

import io.callport.ui.batch.BatchController;
import io.callport.ui.connect.ConnectController;
import io.callport.ui.connectors.ConnectorsController;
import io.callport.ui.jobs.JobsController;
import io.callport.ui.keys.KeysController;
import io.callport.ui.mapping.MappingController;
import javafx.scene.input.KeyCode;

/** The screens of the main window, in the order the navigation lists them. */
public enum Screen {
    MAPPING("mapping", MappingController.class, "MappingScreen.fxml", KeyCode.DIGIT1),
    BATCH("batch", BatchController.class, "BatchScreen.fxml", KeyCode.DIGIT2),
    KEYS("keys", KeysController.class, "KeysScreen.fxml", KeyCode.DIGIT3),
    JOBS("jobs", JobsController.class, "JobsScreen.fxml", KeyCode.DIGIT4),
    CONNECT("connect", ConnectController.class, "ConnectScreen.fxml", KeyCode.DIGIT5),
    CONNECTORS("connectors", ConnectorsController.class, "ConnectorsScreen.fxml", KeyCode.DIGIT6);

    private final String key;
    private final Class<?> controller;
    private final String fxml;
    private final KeyCode shortcut;

    Screen(String key, Class<?> controller, String fxml, KeyCode shortcut) {
        this.key = key;
        this.controller = controller;
        this.fxml = fxml;
        this.shortcut = shortcut;
    }

    /** The key of its texts in the bundle: {@code nav.<key>} and {@code nav.<key>.help}. */
    String key() {
        return key;
    }

    Class<?> controller() {
        return controller;
    }

    String fxml() {
        return fxml;
    }

    /** Ctrl (Cmd on a Mac) with this key opens the screen. */
    KeyCode shortcut() {
        return shortcut;
    }
}
