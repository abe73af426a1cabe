package io.callport.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("before");
        Button button = new Button("Press");
        button.setId("press");
        button.setOnAction(event -> label.setText("after"));
        stage.setScene(new Scene(new VBox(button, label), 200, 100));
        stage.show();
    }

    @Test
    void aClickRunsOnTheHeadlessPlatform(FxRobot robot) {
        robot.clickOn("#press");
        assertThat(label.getText()).isEqualTo("after");
        assertThat(System.getProperty("glass.platform")).isEqualTo("Headless");
        assertThat(com.sun.glass.ui.Application.GetApplication().getClass().getName()).contains("Headless");
    }
}
