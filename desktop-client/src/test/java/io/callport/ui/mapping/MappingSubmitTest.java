package io.callport.ui.mapping;

import static io.callport.ui.common.UiTest.button;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.MappingJson;
import io.callport.service.Connection;
import io.callport.testing.ServerFixture;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Submit map" saves the wizard's mapping to the connected campaign on a real server, and keeps a copy. */
@ExtendWith(ApplicationExtension.class)
class MappingSubmitTest {
    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();

    @TempDir
    Path dir;
    private MappingModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, MappingController.class, "MappingScreen.fxml").model();
    }

    @Test
    void submittingSavesTheMappingToTheCampaignAsItsNextVersion(FxRobot robot) throws Exception {
        ui.dialogs().answer(fixture("evaluagent-style.csv"));
        robot.clickOn("#openButton");
        UiTest.waitUntil(10, () -> model.sampleProperty().get() != null && !model.busy().get());
        assertThat(button(robot, "#submitButton").isDisabled()).as("no server profile yet").isTrue();

        String campaignId = SERVER.campaignId();
        Connection connection = SERVER.connection(SERVER.httpProfile());
        UiContext context = ui.context();
        robot.interact(() -> context.workspace().connectionProperty().set(connection));
        robot.clickOn("#submitButton");
        UiTest.waitUntil(10, () -> model.statusProperty().get().startsWith("Mapping saved to Inbound Sales"));

        assertThat(model.statusProperty().get()).isEqualTo("Mapping saved to Inbound Sales as version 1; a copy is "
                + "kept as " + campaignId + "-v1.json.");
        FieldMapping onServer = connection.client().mapping(campaignId).orElseThrow();
        assertThat(onServer.fields().agentId()).isEqualTo("agent_email");
        assertThat(onServer.fields().audioFilename()).isEqualTo("audio_filename");
        FieldMapping copy = MappingJson.read(context.profiles().folder().resolve("mappings")
                .resolve(campaignId + "-v1.json"));
        assertThat(copy).isEqualTo(onServer);
        assertThat(context.workspace().mappingOriginProperty().get()).isEqualTo("Inbound Sales, version 1");
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/csv/" + name))) {
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }
}
