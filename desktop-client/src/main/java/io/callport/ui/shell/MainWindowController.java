package io.callport.ui.shell;

import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Theme;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.Views;
import io.callport.ui.connect.ConnectModel;
import io.callport.ui.connect.WatchFolderModel;
import io.callport.ui.common.Labels;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: navigation on the left, the chosen screen on the right, each screen loaded on first visit. */
public final class MainWindowController {
    private final UiContext context;
    private final Map<Screen, Parent> loaded = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final ToggleGroup navigation = new ToggleGroup();

    @FXML
    private VBox screenButtons;
    @FXML
    private StackPane content;
    @FXML
    private ToggleButton darkTheme;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label watchLabel;
    private WatchFolderModel watch;

    public MainWindowController(UiContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(Messages.text("nav." + screen.key()));
            button.setId("nav-" + screen.key());
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(true);
            button.setAccessibleHelp(Messages.text("nav." + screen.key() + ".help"));
            button.setTooltip(new Tooltip(Messages.text("nav." + screen.key() + ".help")));
            button.setUserData(screen);
            button.setToggleGroup(navigation);
            buttons.put(screen, button);
            screenButtons.getChildren().add(button);
        }
        navigation.selectedToggleProperty().addListener((observable, previous, selected) -> {
            if (selected == null) {
                previous.setSelected(true); // one screen is always shown
            } else {
                show((Screen) selected.getUserData());
            }
        });
        darkTheme.selectedProperty().addListener((observable, wasDark, dark) ->
                (dark ? Theme.DARK : Theme.LIGHT).applyTo(content.getScene()));
        buttons.get(Screen.MAPPING).setSelected(true);
        var connection = context.workspace().connectionProperty();
        connectionLabel.textProperty().bind(Bindings.createStringBinding(() -> describe(connection.get()), connection));
        watch = new WatchFolderModel(context.workspace(), context.uploads(), Clock.systemUTC(),
                WatchFolderModel.SETTLE);
        watchLabel.textProperty().bind(watch.statusProperty());
        Labels.collapseWhenEmpty(watchLabel);
        ConnectModel.restoreLastConnection(context.profiles(), context.workspace(), context.background());
    }

    private static String describe(Connection connection) {
        if (connection == null) {
            return Messages.text("nav.connection.none");
        }
        Profile profile = connection.profile();
        return profile.campaignName() == null ? Messages.format("nav.connection.noCampaign", profile.name())
                : Messages.format("nav.connection", profile.name(), profile.campaignName());
    }

    /** Sets the theme and the Ctrl+1.. shortcuts once the window's scene exists. */
    public void attach(Scene scene, Theme theme) {
        theme.applyTo(scene);
        darkTheme.setSelected(theme == Theme.DARK);
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(screen.shortcut(), KeyCombination.SHORTCUT_DOWN),
                    () -> select(screen));
        }
    }

    public void select(Screen screen) {
        buttons.get(screen).setSelected(true);
        buttons.get(screen).requestFocus();
    }

    private void show(Screen screen) {
        Parent root = loaded.computeIfAbsent(screen,
                key -> Views.load(key.controller(), key.fxml(), context).root());
        content.getChildren().setAll(root);
    }
}
