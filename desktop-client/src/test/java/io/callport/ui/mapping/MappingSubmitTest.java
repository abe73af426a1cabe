package io.callport.ui.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.MappingJson;
import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.testing.CallportTestServer;
import io.callport.ui.common.ScriptedFileDialogs;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Submit map" saves the wizard's mapping to the connected campaign on a real server, and keeps a copy. */
@ExtendWith(ApplicationExtension.class)
class MappingSubmitTest {
    @TempDir
    static Path serverData;
    private static CallportTestServer server;
    private static String campaignId;

    @TempDir
    Path dir;
    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private UiContext context;
    private MappingModel model;

    @BeforeAll
    static void startServer() {
        server = CallportTestServer.start(serverData);
        campaignId = server.createCampaign("Inbound Sales").get("id").asText();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        context = UiTest.context(dialogs);
        model = UiTest.show(stage, MappingController.class, "MappingScreen.fxml", context).controller().model();
    }

    @AfterEach
    void stopBackground() {
        context.background().close();
    }

    @Test
    void submittingSavesTheMappingToTheCampaignAsItsNextVersion(FxRobot robot) throws Exception {
        dialogs.answer(fixture("evaluagent-style.csv"));
        robot.clickOn("#openButton");
        UiTest.waitUntil(10, () -> model.sampleProperty().get() != null && !model.busy().get());
        assertThat(button(robot, "#submitButton").isDisabled()).as("no server profile yet").isTrue();

        ServerClient client = new ServerClient(server.url(), server.ownerKey());
        robot.interact(() -> context.workspace().connectionProperty().set(new Connection(
                Profile.of("Production", server.url()).withCampaign(campaignId, "Inbound Sales"), client)));
        robot.clickOn("#submitButton");
        UiTest.waitUntil(10, () -> model.statusProperty().get().startsWith("Mapping saved to Inbound Sales"));

        assertThat(model.statusProperty().get()).isEqualTo("Mapping saved to Inbound Sales as version 1; a copy is "
                + "kept as " + campaignId + "-v1.json.");
        FieldMapping onServer = client.mapping(campaignId).orElseThrow();
        assertThat(onServer.fields().agentId()).isEqualTo("agent_email");
        assertThat(onServer.fields().audioFilename()).isEqualTo("audio_filename");
        FieldMapping copy = MappingJson.read(context.profiles().folder().resolve("mappings")
                .resolve(campaignId + "-v1.json"));
        assertThat(copy).isEqualTo(onServer);
        assertThat(context.workspace().mappingOriginProperty().get()).isEqualTo("Inbound Sales, version 1");
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/csv/" + name))) {
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }
}
