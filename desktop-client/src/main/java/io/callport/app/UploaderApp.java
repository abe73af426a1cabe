package io.callport.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The Uploader's window. */
public final class UploaderApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Callport Uploader");
        stage.setScene(new Scene(new Label("Callport Uploader"), 800, 600));
        stage.show();
    }
}
