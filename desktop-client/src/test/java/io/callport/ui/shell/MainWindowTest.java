package io.callport.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.Theme;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private Scene scene;
    private MainWindowController window;

    @Start
    void start(Stage stage) {
        window = ui.show(stage, MainWindowController.class, "MainWindow.fxml");
        scene = stage.getScene();
        window.attach(scene, Theme.LIGHT);
    }

    @Test
    void opensOnTheMappingScreenAndNavigatesByClick(FxRobot robot) {
        assertThat(title(robot)).isEqualTo("Map a sample CSV");

        robot.clickOn("#nav-batch");

        assertThat(title(robot)).isEqualTo("Check a batch");
        assertThat(robot.lookup("#nav-batch").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-mapping").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void clickingTheShownScreenAgainKeepsItShown(FxRobot robot) {
        robot.clickOn("#nav-mapping");

        assertThat(robot.lookup("#nav-mapping").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(title(robot)).isEqualTo("Map a sample CSV");
    }

    @Test
    void shortcutsOpenEachScreen(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(title(robot)).isEqualTo("SSH key");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(title(robot)).isEqualTo("Check a batch");
    }

    @Test
    void everyNavigationButtonTellsAssistiveTechnologyWhatItOpens(FxRobot robot) {
        for (Screen screen : Screen.values()) {
            ToggleButton button = robot.lookup("#nav-" + screen.key()).queryAs(ToggleButton.class);
            assertThat(button.getAccessibleHelp()).as(screen.name()).isNotBlank();
            assertThat(button.isFocusTraversable()).isTrue();
        }
    }

    @Test
    void eachScreenHasItsOwnAccessKeysBesideTheNavigations(FxRobot robot) {
        for (Screen screen : Screen.values()) {
            robot.interact(() -> window.select(screen));
            List<String> keys = robot.lookup((Node node) -> node instanceof Labeled labeled
                            && labeled.isMnemonicParsing() && labeled.getText() != null && labeled.getText().contains("_"))
                    .queryAllAs(Labeled.class).stream().map(MainWindowTest::accessKey).toList();
            assertThat(keys).as(screen.name()).hasSizeGreaterThan(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void theThemeToggleSwapsTheColourSheet(FxRobot robot) {
        assertThat(scene.getStylesheets()).anyMatch(sheet -> sheet.endsWith("light.css"));

        robot.clickOn(".theme-toggle");

        assertThat(scene.getStylesheets()).anyMatch(sheet -> sheet.endsWith("dark.css"))
                .noneMatch(sheet -> sheet.endsWith("light.css"));
    }

    private static String accessKey(Labeled labeled) {
        String text = labeled.getText();
        return text.substring(text.indexOf('_') + 1, text.indexOf('_') + 2).toUpperCase(Locale.ROOT);
    }

    private static String title(FxRobot robot) {
        return robot.lookup(".content .screen-title").queryAs(Label.class).getText();
    }
}
