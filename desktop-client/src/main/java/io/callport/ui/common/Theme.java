package io.callport.ui.common;

import java.util.Objects;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;

/** The Uploader's looks: one layout stylesheet and a colour sheet per theme. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private static final String LAYOUT = "app.css";

    private final String colours;

    Theme(String colours) {
        this.colours = colours;
    }

    /** The theme matching the operating system's light or dark appearance. */
    public static Theme ofSystem() {
        return Platform.getPreferences().getColorScheme() == ColorScheme.DARK ? DARK : LIGHT;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheet(colours), stylesheet(LAYOUT));
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }
}
