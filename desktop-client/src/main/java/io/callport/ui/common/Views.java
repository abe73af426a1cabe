package io.callport.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a screen's FXML with the Uploader's texts, giving its controller the {@link UiContext}. */
public final class Views {

    /** A loaded screen. */
    public record View<C>(Parent root, C controller) {
    }

    private Views() {
    }

    public static <C> View<C> load(Class<C> controllerType, String fxml, UiContext context) {
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(controllerType.getResource(fxml), fxml),
                Messages.bundle());
        loader.setControllerFactory(type -> instantiate(type, context));
        try {
            Parent root = loader.load();
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("The screen " + fxml + " cannot be loaded", e);
        }
    }

    private static Object instantiate(Class<?> type, UiContext context) {
        try {
            return type.getConstructor(UiContext.class).newInstance(context);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type + " needs a public constructor taking the UiContext", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The controller " + type + " failed to start", e.getCause());
        }
    }
}
