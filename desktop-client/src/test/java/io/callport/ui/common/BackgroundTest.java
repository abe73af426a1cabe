package io.callport.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class BackgroundTest {
    @Test
    void workAskedForAfterTheWindowClosedIsCancelledNotThrown(FxRobot robot) throws Exception {
        Background background = new Background();
        Task<String> before = background.run(task("done"));
        assertThat(before.get()).isEqualTo("done");
        background.close();

        AtomicReference<Task<String>> after = new AtomicReference<>();
        robot.interact(() -> after.set(background.run(task("never"))));

        assertThat(after.get().isCancelled()).isTrue();
    }

    private static Task<String> task(String result) {
        return new Task<>() {
            @Override
            protected String call() {
                return result;
            }
        };
    }
}
