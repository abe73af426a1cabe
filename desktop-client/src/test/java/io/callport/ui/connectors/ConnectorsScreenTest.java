package io.callport.ui.connectors;

import static io.callport.ui.common.UiTest.button;
import static io.callport.ui.common.UiTest.field;
import static io.callport.ui.common.UiTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import io.callport.testing.CustomerSftp;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestProfiles;
import io.callport.testsupport.FtpTestServer;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.UiTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Connectors screen against a real server whose connectors fetch from a real SFTP server on loopback: a connector
 * added through the form fetches the customer's files and shows them, a closed port shows the host unreachable, and a
 * changed host key is confirmed through the dialog.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectorsScreenTest {
    /** Longer than any run on loopback takes, even on a loaded machine. */
    private static final int PATIENCE = 60;

    @TempDir
    Path remote;
    private CustomerSftp customer;
    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();
    private ConnectorsModel model;

    @Start
    void start(Stage stage) {
        model = ui.show(stage, ConnectorsController.class, "ConnectorsScreen.fxml").model();
    }

    @BeforeEach
    void startTheCustomersServer() throws IOException {
        Path depot = Files.createDirectories(remote.resolve("depot"));
        for (String name : new String[] {"call-1.wav", "call-2.wav", "calls.csv"}) {
            Path file = Files.writeString(depot.resolve(name), "content of " + name);
            // written long ago: a file changed within the quiet period is left for the next run
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }
        customer = new CustomerSftp(remote);
    }

    @AfterEach
    void stopTheCustomersServer() throws IOException {
        customer.close();
    }

    @Test
    void anSftpConnectorAddedThroughTheFormFetchesTheFilesAndShowsWhatItFetched(FxRobot robot) {
        String folder = connectToANewCampaign(robot, "Northwind");
        assertThat(text(robot, "#campaignLabel")).isEqualTo("Connectors of Northwind on test");
        assertThat(button(robot, "#saveButton").getText()).isEqualTo("_Save connector");

        robot.clickOn("#nameField").write("Recorder SFTP");
        enter(robot, "#hostField", "127.0.0.1");
        enter(robot, "#portField", String.valueOf(customer.port()));
        enter(robot, "#usernameField", CustomerSftp.USER);
        enter(robot, "#basePathField", "depot");
        enter(robot, "#everyField", "5");
        assertThat(button(robot, "#saveButton").isDisabled()).isTrue();
        assertThat(text(robot, "#problemLabel")).isEqualTo("Enter the password of the account.");
        enter(robot, "#passwordField", CustomerSftp.PASSWORD);
        assertThat(robot.lookup("#problemLabel").query().isVisible()).isFalse();
        robot.interact(() -> button(robot, "#saveButton").fire());

        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel")
                .equals("Added Recorder SFTP. It runs now, then every 5 minutes."));
        Connector added = model.selectedProperty().get();
        assertThat(added.name()).isEqualTo("Recorder SFTP");
        assertThat(field(robot, "#passwordField")).as("a secret is never shown again").isEmpty();
        assertThat(robot.lookup("#passwordField").queryAs(TextField.class).getPromptText())
                .isEqualTo("Stored: type to replace");
        assertThat(button(robot, "#saveButton").getText()).isEqualTo("_Save changes");

        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Recorder SFTP ran:"));
        assertThat(text(robot, "#statusLabel")).matches("Recorder SFTP ran: .* of 3 listed; 0 left out by the "
                + "picking rule, 0 failed\\.");
        Connector ran = model.connectors().getFirst();
        assertThat(ran.status().state()).isEqualTo("OK");
        assertThat(ran.delivered()).isEqualTo(3);
        assertThat(cell(robot, "#connectors-status", 0)).isEqualTo("OK");
        assertThat(cell(robot, "#connectors-fetched", 0)).isEqualTo("3");
        assertThat(cell(robot, "#connectors-target", 0)).isEqualTo("recorder@127.0.0.1:" + customer.port()
                + "/depot");
        assertThat(text(robot, "#hostKeyLabel")).isEqualTo("Pinned host key: " + customer.fingerprint());

        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        UiTest.waitUntil(PATIENCE, () -> model.files().size() == 3);
        assertThat(model.files()).extracting(ConnectorFile::path, ConnectorFile::state, ConnectorFile::size)
                .containsExactlyInAnyOrder(tuple("call-1.wav", "DELIVERED", 21L), tuple("call-2.wav", "DELIVERED", 21L),
                        tuple("calls.csv", "DELIVERED", 20L));
        assertThat(text(robot, "#filesTitle")).isEqualTo("Files Recorder SFTP has seen");
        assertThat(SERVER.server().arrived(folder)).containsExactlyInAnyOrder("call-1.wav", "call-2.wav",
                "calls.csv");
    }

    @Test
    void anSftpConnectorLogsInWithThePrivateKeyFileChosen(FxRobot robot, @TempDir Path keyFolder) throws Exception {
        KeyService keys = new KeyService();
        GeneratedKey key = keys.generate(KeyType.ED25519, "callport-pull", null);
        Path keyFile = keyFolder.resolve("id_ed25519");
        keys.save(key, keyFile);
        customer.acceptKey(key.publicKey());
        connectToANewCampaign(robot, "Keys");

        enter(robot, "#nameField", "Recorder by key");
        enter(robot, "#hostField", "127.0.0.1");
        enter(robot, "#portField", String.valueOf(customer.port()));
        enter(robot, "#usernameField", CustomerSftp.USER);
        enter(robot, "#basePathField", "depot");
        robot.interact(() -> robot.lookup("#privateKeyChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(robot.lookup("#passwordField").query().isVisible()).isFalse();
        ui.dialogs().answer(keyFile);
        robot.interact(() -> button(robot, "#choosePrivateKeyButton").fire());
        UiTest.waitUntil(10, () -> field(robot, "#privateKeyField").equals(keyFile.toString()));
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> model.selectedProperty().get() != null);

        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Recorder by key ran:"));
        assertThat(model.selectedProperty().get().status().state()).isEqualTo("OK");
        assertThat(model.selectedProperty().get().delivered()).isEqualTo(3);
    }

    @Test
    void aConnectorToAClosedPortShowsTheHostUnreachable(FxRobot robot) throws IOException {
        connectToANewCampaign(robot, "Closed port");
        int closedPort = closedPort();
        enter(robot, "#nameField", "Old recorder");
        enter(robot, "#hostField", "127.0.0.1");
        enter(robot, "#portField", String.valueOf(closedPort));
        enter(robot, "#usernameField", CustomerSftp.USER);
        enter(robot, "#passwordField", CustomerSftp.PASSWORD);
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> model.selectedProperty().get() != null);

        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> !text(robot, "#failureLabel").isEmpty());

        assertThat(text(robot, "#failureLabel")).startsWith("Old recorder stopped. Host unreachable: The SFTP server "
                + "127.0.0.1:" + closedPort + " cannot be reached");
        assertThat(text(robot, "#reasonLabel")).startsWith("Host unreachable: The SFTP server 127.0.0.1:" + closedPort);
        assertThat(cell(robot, "#connectors-status", 0)).isEqualTo("Failing");
        assertThat(cell(robot, "#connectors-problem", 0)).isEqualTo("Host unreachable");
        assertThat(button(robot, "#confirmHostKeyButton").isDisabled()).isTrue();
    }

    @Test
    void aChangedHostKeyIsConfirmedThroughTheDialogAndTheNextRunFetchesAgain(FxRobot robot) {
        connectToANewCampaign(robot, "Host key");
        addConnectorThroughTheForm(robot, "Keyed recorder");
        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Keyed recorder ran:"));
        String firstKey = customer.fingerprint();
        assertThat(text(robot, "#hostKeyLabel")).isEqualTo("Pinned host key: " + firstKey);

        customer.replaceHostKey();
        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> !text(robot, "#failureLabel").isEmpty());
        assertThat(text(robot, "#failureLabel")).startsWith("Keyed recorder stopped. Host key changed: The SFTP "
                + "server 127.0.0.1:" + customer.port() + " presented the host key " + customer.fingerprint());
        assertThat(cell(robot, "#connectors-problem", 0)).isEqualTo("Host key changed");

        robot.clickOn("#confirmHostKeyButton");
        UiTest.waitUntil(10, () -> robot.lookup("#presentedFingerprintField").tryQuery().isPresent());
        assertThat(field(robot, "#presentedFingerprintField")).isEqualTo(customer.fingerprint());
        assertThat(text(robot, "#pinnedFingerprintLabel")).isEqualTo(firstKey);
        robot.clickOn("#acceptHostKeyButton");

        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("The host key"));
        assertThat(text(robot, "#statusLabel")).isEqualTo("The host key " + customer.fingerprint()
                + " is pinned for Keyed recorder; its next run connects with it.");
        assertThat(text(robot, "#hostKeyLabel")).isEqualTo("Pinned host key: " + customer.fingerprint());
        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Keyed recorder ran:"));
        assertThat(model.connectors().getFirst().status().state()).isEqualTo("OK");
    }

    @Test
    void aChangeKeepsTheStoredPasswordAndRemovingTheConnectorAsksFirst(FxRobot robot) throws IOException {
        connectToANewCampaign(robot, "Changes");
        addConnectorThroughTheForm(robot, "Nightly recorder");
        robot.interact(() -> {
            robot.lookup("#cronChoice").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#cronField").queryAs(TextField.class).setText("30 2 * * MON-FRI");
            robot.lookup("#percentageChoice").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#percentageField").queryAs(TextField.class).setText("50");
        });
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Saved Nightly recorder."));
        assertThat(text(robot, "#statusLabel")).isEqualTo("Saved Nightly recorder. It runs now, then 30 2 * * MON-FRI.");
        assertThat(cell(robot, "#connectors-schedule", 0)).isEqualTo("30 2 * * MON-FRI");
        assertThat(model.selectedProperty().get().picking()).isEqualTo("50%");

        robot.interact(() -> button(robot, "#runButton").fire());
        UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Nightly recorder ran:"));
        assertThat(model.selectedProperty().get().status().state()).as("the stored password still logs in")
                .isEqualTo("OK");
        assertThat(text(robot, "#statusLabel")).matches("Nightly recorder ran: .* of 3 listed; .*");

        robot.interact(() -> button(robot, "#enableButton").fire());
        UiTest.waitUntil(PATIENCE, () -> cell(robot, "#connectors-status", 0).equals("Disabled"));
        assertThat(button(robot, "#runButton").isDisabled()).isTrue();
        assertThat(button(robot, "#enableButton").getText()).isEqualTo("Enab_le");

        robot.clickOn("#deleteButton");
        UiTest.waitUntil(10, () -> robot.lookup("#confirmDeleteButton").tryQuery().isPresent());
        robot.clickOn("#confirmDeleteButton");
        UiTest.waitUntil(PATIENCE, () -> model.connectors().isEmpty());
        assertThat(text(robot, "#statusLabel")).isEqualTo("Removed Nightly recorder; the files it fetched stay with "
                + "the campaign.");
        var connection = ui.context().workspace().connectionProperty().get();
        assertThat(connection.client().connectors(connection.profile().campaignId())).isEmpty();
    }

    @Test
    void aSettingTheServerRefusesIsExplainedInTheServersWords(FxRobot robot) {
        connectToANewCampaign(robot, "Refusals");
        enter(robot, "#nameField", "Odd schedule");
        enter(robot, "#hostField", "127.0.0.1");
        enter(robot, "#usernameField", CustomerSftp.USER);
        enter(robot, "#passwordField", CustomerSftp.PASSWORD);
        robot.interact(() -> robot.lookup("#cronChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(text(robot, "#problemLabel")).startsWith("Enter a cron expression");
        enter(robot, "#cronField", "61 * * * *");
        robot.interact(() -> button(robot, "#saveButton").fire());

        UiTest.waitUntil(PATIENCE, () -> !text(robot, "#failureLabel").isEmpty());
        assertThat(text(robot, "#failureLabel")).startsWith("The connector could not be saved: The cron expression "
                + "'61 * * * *' has an invalid minute field");
        assertThat(model.connectors()).isEmpty();
    }

    @Test
    void theFormAsksForWhatEachKindNeeds(FxRobot robot) {
        connectToANewCampaign(robot, "Kinds");
        enter(robot, "#nameField", "Customer bucket");
        robot.interact(() -> model.form().kindProperty().set(ConnectorKind.S3));
        assertThat(robot.lookup("#hostGrid").query().isVisible()).isFalse();
        assertThat(robot.lookup("#s3Grid").query().isVisible()).isTrue();
        assertThat(text(robot, "#problemLabel")).isEqualTo("Enter the name of the customer's bucket.");
        enter(robot, "#bucketField", "recordings");
        assertThat(text(robot, "#problemLabel")).startsWith("Enter the bucket's region");
        enter(robot, "#regionField", "eu-west-3");
        enter(robot, "#accessKeyField", "AKIA0000");
        assertThat(text(robot, "#problemLabel")).startsWith("Enter both the access key and the secret key");
        robot.interact(() -> robot.lookup("#s3ChainChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(robot.lookup("#accessKeyField").query().isVisible()).isFalse();
        assertThat(button(robot, "#saveButton").isDisabled()).isFalse();
        assertThat(model.form().toRequest()).satisfies(settings -> {
            assertThat(settings.protocol()).isEqualTo("s3");
            assertThat(settings.accessKey()).as("the default credentials send none").isNull();
            assertThat(settings.host()).isNull();
        });

        robot.interact(() -> model.form().kindProperty().set(ConnectorKind.SFTP));
        enter(robot, "#hostField", "sftp.customer.example");
        enter(robot, "#usernameField", "recorder");
        robot.interact(() -> robot.lookup("#privateKeyChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(text(robot, "#problemLabel")).isEqualTo("Choose the private key file of the account.");
        enter(robot, "#portField", "twenty-two");
        robot.interact(() -> robot.lookup("#perAgentChoice").queryAs(RadioButton.class).setSelected(true));
        robot.interact(() -> model.form().usePrivateKey(Path.of("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertThat(text(robot, "#problemLabel")).as("the campaign has no file-name convention")
                .startsWith("Fetching per agent reads the agent from each file name");
        robot.interact(() -> robot.lookup("#allChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(text(robot, "#problemLabel")).isEqualTo("The port is a whole number such as 22, not 'twenty-two'.");
        assertThat(button(robot, "#saveButton").isDisabled()).isTrue();
    }

    @Test
    void anFtpConnectorInActiveModeAddedThroughTheFormFetchesTheFiles(FxRobot robot) throws Exception {
        connectToANewCampaign(robot, "Active FTP");
        assertThat(robot.lookup("#ftpModeRow").query().isVisible()).as("SFTP has no data connections").isFalse();
        robot.interact(() -> model.form().kindProperty().set(ConnectorKind.FTP));
        assertThat(robot.lookup("#ftpModeRow").query().isVisible()).isTrue();
        assertThat(robot.lookup("#ftpPassiveChoice").queryAs(RadioButton.class).isSelected())
                .as("passive is the default").isTrue();
        assertThat(robot.lookup("#ftpActiveChoice").queryAs(RadioButton.class).getAccessibleHelp())
                .startsWith("Only for FTP servers that refuse passive mode");
        try (FtpTestServer ftp = new FtpTestServer(remote, null)) {
            enter(robot, "#nameField", "Old recorder FTP");
            enter(robot, "#hostField", "127.0.0.1");
            enter(robot, "#portField", String.valueOf(ftp.port()));
            enter(robot, "#usernameField", FtpTestServer.USER);
            enter(robot, "#passwordField", FtpTestServer.PASSWORD);
            enter(robot, "#basePathField", "depot");
            robot.interact(() -> robot.lookup("#ftpActiveChoice").queryAs(RadioButton.class).setSelected(true));
            robot.interact(() -> button(robot, "#saveButton").fire());
            UiTest.waitUntil(PATIENCE, () -> model.selectedProperty().get() != null);
            assertThat(model.selectedProperty().get().ftpMode()).isEqualTo(Connector.ACTIVE);

            robot.interact(() -> button(robot, "#runButton").fire());
            UiTest.waitUntil(PATIENCE, () -> text(robot, "#statusLabel").startsWith("Old recorder FTP ran:"));
            assertThat(model.selectedProperty().get().delivered()).isEqualTo(3);
            assertThat(ftp.dataConnectionCommands()).isNotEmpty().isSubsetOf("PORT", "EPRT");
        }

        robot.interact(() -> model.newConnector());
        assertThat(robot.lookup("#ftpPassiveChoice").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.interact(() -> model.selectedProperty().set(model.connectors().getFirst()));
        assertThat(robot.lookup("#ftpActiveChoice").queryAs(RadioButton.class).isSelected())
                .as("the saved connector shows its mode again").isTrue();
    }

    @Test
    void anS3ConnectorGoesBackFromItsAccessKeyToTheServersDefaultCredentials(FxRobot robot) throws IOException {
        connectToANewCampaign(robot, "Bucket credentials");
        int closedPort = closedPort();
        robot.interact(() -> model.form().kindProperty().set(ConnectorKind.S3));
        enter(robot, "#nameField", "Customer bucket");
        enter(robot, "#bucketField", "recordings");
        enter(robot, "#endpointField", "http://127.0.0.1:" + closedPort);
        enter(robot, "#accessKeyField", "AKIAEXAMPLE");
        enter(robot, "#secretKeyField", "example-secret");
        robot.interact(() -> model.form().enabledProperty().set(false));
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> model.selectedProperty().get() != null);
        assertThat(model.selectedProperty().get().defaultCredentials()).isFalse();
        assertThat(robot.lookup("#dropsKeysLabel").query().isVisible()).isFalse();

        robot.interact(() -> robot.lookup("#s3ChainChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(robot.lookup("#dropsKeysLabel").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#dropsKeysLabel")).isEqualTo("Saving forgets the access key stored for this "
                + "connector.");
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> Boolean.TRUE.equals(model.selectedProperty().get().defaultCredentials()));

        assertThat(robot.lookup("#s3ChainChoice").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#dropsKeysLabel").query().isVisible()).as("no key is stored any more").isFalse();
        var connection = ui.context().workspace().connectionProperty().get();
        assertThat(connection.client().connectors(connection.profile().campaignId()).getFirst().defaultCredentials())
                .isTrue();
        robot.interact(() -> robot.lookup("#s3KeysChoice").queryAs(RadioButton.class).setSelected(true));
        assertThat(field(robot, "#accessKeyField")).isEmpty();
        assertThat(robot.lookup("#accessKeyField").queryAs(TextField.class).getPromptText())
                .as("no key is stored to keep").isEmpty();
        assertThat(text(robot, "#problemLabel")).startsWith("Enter both the access key and the secret key");
        assertThat(button(robot, "#saveButton").isDisabled()).isTrue();
    }

    /** Fills the form for the customer's SFTP server, saves it, and waits until the server has it. */
    private void addConnectorThroughTheForm(FxRobot robot, String name) {
        enter(robot, "#nameField", name);
        enter(robot, "#hostField", "127.0.0.1");
        enter(robot, "#portField", String.valueOf(customer.port()));
        enter(robot, "#usernameField", CustomerSftp.USER);
        enter(robot, "#passwordField", CustomerSftp.PASSWORD);
        enter(robot, "#basePathField", "depot");
        robot.interact(() -> button(robot, "#saveButton").fire());
        UiTest.waitUntil(PATIENCE, () -> model.selectedProperty().get() != null);
    }

    /** Makes a campaign of its own for the test and connects the screen to it; returns the campaign's folder. */
    private String connectToANewCampaign(FxRobot robot, String name) {
        var campaign = SERVER.server().createCampaign(name);
        String id = campaign.get("id").asText();
        var connection = SERVER.connection(TestProfiles.http(SERVER.server(), id).withCampaign(id, name));
        robot.interact(() -> ui.context().workspace().connectionProperty().set(connection));
        UiTest.waitUntil(PATIENCE, () -> !button(robot, "#refreshButton").isDisabled());
        return campaign.get("folder").asText();
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Puts text in a field at once, as typing would leave it. */
    private static void enter(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }

    /** The text a row shows in a column (cells carry their column's id). */
    private static String cell(FxRobot robot, String columnId, int row) {
        return robot.lookup(columnId).queryAll().stream().filter(node -> node instanceof TableCell<?, ?>)
                .map(node -> (TableCell<?, ?>) node).filter(cell -> cell.getIndex() == row && !cell.isEmpty())
                .map(TableCell::getText).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + row + " in " + columnId));
    }
}
