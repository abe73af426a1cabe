package io.callport.app;

import io.callport.service.Profiles;
import io.callport.ui.common.Messages;
import io.callport.ui.common.SystemFileDialogs;
import io.callport.ui.common.Theme;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.Views;
import io.callport.ui.shell.MainWindowController;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Uploader's window. */
public final class UploaderApp extends Application {
    private static final double WIDTH = 1240;
    private static final double HEIGHT = 800;

    private UiContext context;

    @Override
    public void start(Stage stage) {
        context = UiContext.create(new SystemFileDialogs(), Profiles.ofUser());
        var window = Views.load(MainWindowController.class, "MainWindow.fxml", context);
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        window.controller().attach(scene, Theme.ofSystem());
        stage.setTitle(Messages.text("app.name"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        context.background().close();
    }
}
