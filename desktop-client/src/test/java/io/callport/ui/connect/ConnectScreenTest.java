package io.callport.ui.connect;

import static io.callport.ui.common.UiTest.button;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.Connection;
import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import io.callport.service.Profile;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import io.callport.testing.CallportTestServer;
import io.callport.testing.ServerFixture;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConnectScreenTest {
    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private static CallportTestServer server;
    private static String salesId;

    @TempDir
    Path dir;
    private UiContext context;
    private ConnectModel model;

    @BeforeAll
    static void addACampaign() {
        server = SERVER.server();
        salesId = SERVER.campaignId();
        server.createCampaign("Support");
    }

    @Start
    void start(Stage stage) {
        model = ui.show(stage, ConnectController.class, "ConnectScreen.fxml").model();
        context = ui.context();
    }

    @Test
    void aWrongKeyShowsTheServersReasonAndCannotBeSaved(FxRobot robot) {
        enter(robot, "#nameField", "Production");
        enter(robot, "#urlField", server.url());
        enter(robot, "#keyField", "cp_" + "0".repeat(43));
        robot.clickOn("#keyField").type(KeyCode.ENTER);

        UiTest.waitUntil(10, () -> text(robot, "#testLabel").startsWith("The connection failed"));
        assertThat(text(robot, "#testLabel")).isEqualTo("The connection failed: The API key is not valid.");
        assertThat(robot.lookup("#testLabel").query().getStyleClass()).contains("problem");
        assertThat(robot.lookup("#campaignBox").query().isDisabled()).isTrue();
        assertThat(button(robot, "#saveButton").isDisabled()).isTrue();
        assertThat(context.workspace().connectionProperty().get()).isNull();
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidSo(FxRobot robot) {
        enter(robot, "#urlField", "http://127.0.0.1:1");
        enter(robot, "#keyField", server.ownerKey());
        robot.clickOn("#keyField").clickOn("#nameField"); // leaving the key field tests what was entered

        UiTest.waitUntil(15, () -> text(robot, "#testLabel").startsWith("The connection failed"));
        assertThat(text(robot, "#testLabel")).contains("127.0.0.1");
    }

    @Test
    void aGoodKeyListsTheCampaignsAndSavingMakesTheProfileTheConnection(FxRobot robot) throws Exception {
        enter(robot, "#nameField", "Production");
        enter(robot, "#urlField", server.url() + "/");
        enter(robot, "#keyField", server.ownerKey());
        robot.clickOn("#keyField").type(KeyCode.ENTER);

        UiTest.waitUntil(10, () -> model.keyAcceptedProperty().get());
        assertThat(text(robot, "#testLabel")).isEqualTo("Connected: the key reaches 2 campaigns.");
        assertThat(model.campaigns()).extracting(Campaign::name).containsExactlyInAnyOrder("Inbound Sales", "Support");
        assertThat(button(robot, "#saveButton").isDisabled()).as("no campaign chosen yet").isTrue();

        robot.interact(() -> campaignBox(robot).getSelectionModel().select(
                model.campaigns().stream().filter(c -> c.id().equals(salesId)).findFirst().orElseThrow()));
        robot.clickOn("#httpChoice");
        robot.clickOn("#saveButton");
        UiTest.waitUntil(10, () -> context.workspace().connectionProperty().get() != null);

        Connection connection = context.workspace().connectionProperty().get();
        assertThat(connection.profile().name()).isEqualTo("Production");
        assertThat(connection.profile().url()).isEqualTo(server.url());
        assertThat(connection.profile().campaignId()).isEqualTo(salesId);
        assertThat(connection.client().campaigns()).hasSize(2);
        assertThat(text(robot, "#statusLabel")).isEqualTo("Saved Production; the Uploader now sends with it.");
        assertThat(context.profiles().find("Production")).hasValueSatisfying(saved ->
                assertThat(saved.transport()).isEqualTo(Transport.HTTP));
        assertThat(context.profiles().apiKey("Production")).hasValue(server.ownerKey());
        assertThat(Files.readString(context.profiles().folder().resolve("profiles.json")))
                .doesNotContain(server.ownerKey());
        assertThat(model.profiles()).extracting(Profile::name).containsExactly("Production");
    }

    @Test
    void anSftpProfileRegistersItsKeyAndShowsTheAccount(FxRobot robot) throws Exception {
        Path privateKey = dir.resolve("id_ed25519");
        KeyService keys = new KeyService();
        GeneratedKey key = keys.generate(KeyType.ED25519, "ops@callport", null);
        keys.save(key, privateKey);

        enter(robot, "#nameField", "Sftp");
        enter(robot, "#urlField", server.url());
        enter(robot, "#keyField", server.ownerKey());
        robot.clickOn("#keyField").type(KeyCode.ENTER);
        UiTest.waitUntil(10, () -> model.keyAcceptedProperty().get());
        robot.interact(() -> model.campaignProperty().set(
                model.campaigns().stream().filter(c -> c.id().equals(salesId)).findFirst().orElseThrow()));
        robot.clickOn("#sftpChoice");
        assertThat(button(robot, "#saveButton").isDisabled()).as("SFTP needs a key").isTrue();
        assertThat(text(robot, "#sftpLabel")).startsWith("SFTP: the key is registered");

        ui.dialogs().answer(privateKey);
        robot.clickOn("#chooseKeyButton");
        robot.clickOn("#saveButton");
        UiTest.waitUntil(10, () -> model.sftpProperty().get() != null);

        Profile saved = context.profiles().find("Sftp").orElseThrow();
        assertThat(saved.sshKey()).isEqualTo(privateKey);
        assertThat(saved.sftp().fingerprint()).isEqualTo(key.fingerprint());
        assertThat(saved.sftp().campaignId()).isEqualTo(salesId);
        assertThat(text(robot, "#sftpLabel")).isEqualTo("SFTP: " + saved.sftp().username() + "@127.0.0.1:"
                + server.sftpPort() + ", key " + key.fingerprint());
    }

    @Test
    void choosingASavedProfileReadsItsKeyAndTestsIt(FxRobot robot) throws Exception {
        context.profiles().save(Profile.of("Staging", server.url()).withCampaign(salesId, "Inbound Sales"),
                server.ownerKey());
        robot.interact(model::load);
        UiTest.waitUntil(5, () -> !model.profiles().isEmpty());

        robot.clickOn("Staging\n" + server.url());

        UiTest.waitUntil(10, () -> model.keyAcceptedProperty().get());
        assertThat(model.nameProperty().get()).isEqualTo("Staging");
        assertThat(model.apiKeyProperty().get()).isEqualTo(server.ownerKey());
        assertThat(model.campaignProperty().get().id()).isEqualTo(salesId);
        assertThat(button(robot, "#saveButton").isDisabled()).isFalse();
    }

    /** Puts text in a field at once (typing 46 characters of a key one by one takes seconds), then leaves it. */
    private static void enter(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(javafx.scene.control.TextField.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Campaign> campaignBox(FxRobot robot) {
        return robot.lookup("#campaignBox").queryAs(ComboBox.class);
    }
}
