package io.callport.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.mapping.MappingJson;
import io.callport.service.Profile;
import io.callport.service.upload.UploadPlan;
import io.callport.service.upload.UploadQueue;
import io.callport.testing.CallportTestServer;
import io.callport.testing.CustomerSftp;
import io.callport.testing.ServerFixture;
import io.callport.testing.TestFiles;
import io.callport.testing.TestProfiles;
import io.callport.ui.common.Drops;
import io.callport.ui.common.Png;
import io.callport.ui.common.ScreenFixture;
import io.callport.ui.common.ScriptedFileDialogs;
import io.callport.ui.common.Theme;
import io.callport.ui.common.UiContext;
import io.callport.ui.common.UiTest;
import io.callport.ui.mapping.ConventionPreset;
import io.callport.ui.shell.MainWindowController;
import io.callport.ui.shell.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every screen of the Uploader, on JavaFX's headless platform, into PNG files for the README:
 * {@code mvn -pl desktop-client -am test -Dtest=ScreenshotsTest -Dcallport.screenshots=docs/screenshots}. A relative
 * folder is taken from the repository's root; without the property the images go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class ScreenshotsTest {
    private static final String BATCH_MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"},
             "metadata": [{"column": "queue", "name": "Queue", "type": "string"}]}
            """;

    private static final String CALLS_CSV = """
            conversation_id,agent_email,contact_date,audio_filename,queue
            NW-1001,ann@northwind.example,2026-11-03T08:35:00+01:00,call-0001.wav,Billing
            NW-1002,bob@northwind.example,2026-11-03T09:05:00+01:00,call-0002.wav,Sales
            NW-1003,ann@northwind.example,2026-11-03T09:41:00+01:00,call-0003.wav,Billing
            """;

    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture("Inbound Sales");
    private static CallportTestServer server;
    private static String campaignId;
    @RegisterExtension
    final ScreenFixture ui = new ScreenFixture();

    @TempDir
    Path dir;
    private ScriptedFileDialogs dialogs;
    private UiContext context;
    private MainWindowController window;
    private Scene scene;
    private Profile profile;

    @BeforeAll
    static void prepareServer() {
        server = SERVER.server();
        campaignId = SERVER.campaignId();
        server.createCampaign("Outbound Retention");
        server.call("PATCH", "/api/v1/campaigns/" + campaignId, "{\"batchWindowSeconds\": 1}", 200);
        server.call("PUT", "/api/v1/campaigns/" + campaignId + "/mapping", BATCH_MAPPING, 200);
        server.addAgent("ann@northwind.example", "Ann Archer");
        server.addAgent("bob@northwind.example", "Bob Baker");
    }

    @Start
    void start(Stage stage) throws Exception {
        context = ui.context();
        dialogs = ui.dialogs();
        profile = SERVER.sftpProfile();
        profile = new Profile("Northwind production", profile.url(), profile.campaignId(), profile.campaignName(),
                profile.transport(), profile.sshKey(), profile.sftp(), null);
        context.profiles().save(profile, server.ownerKey());
        context.profiles().markUsed(profile.name());
        context.workspace().connectionProperty().set(SERVER.connection(profile));
        window = ui.show(stage, MainWindowController.class, "MainWindow.fxml");
        scene = stage.getScene();
        window.attach(scene, Theme.LIGHT);
    }

    @Test
    void mappingWizardWithAnExport(FxRobot robot) throws IOException {
        openSample(robot, copy("csv/evaluagent-style.csv", dir.resolve("evaluagent-style.csv")));

        render(robot, "mapping.png");
        robot.interact(() -> Theme.DARK.applyTo(scene));
        render(robot, "mapping-dark.png");
    }

    @Test
    void mappingWizardReadingRecordingNames(FxRobot robot) throws IOException {
        openSample(robot, copy("csv/excel-export-bom-crlf.csv", dir.resolve("excel-export.csv")));
        robot.interact(() -> {
            robot.lookup("#presetBox").queryAs(ChoiceBox.class).getSelectionModel().select(ConventionPreset.DIRECTION);
            robot.lookup("#trialNameField").queryAs(TextField.class).setText("20261102-083700_inbound_478.wav");
            robot.lookup(".form-scroll").queryAs(ScrollPane.class).setVvalue(1);
        });

        render(robot, "mapping-names.png");
    }

    @Test
    void mappingWizardMarkingTheCellsOfASampleWithIssues(FxRobot robot) throws IOException {
        Path sample = dir.resolve("november-export.csv");
        List<String> lines = Files.readAllLines(copy("csv/evaluagent-style.csv", dir.resolve("source.csv")));
        lines.set(3, lines.get(3).replace("2026-11-04T17:05:00+01:00", "04/11/2026 17:05"));
        String[] cells = lines.get(6).split(",");
        cells[4] = "=SUM(A1:A9)";
        lines.set(6, String.join(",", cells));
        Files.write(sample, lines);

        openSample(robot, sample);
        waitForText(robot, "#checkSummaryLabel", "1 error, 1 warning");

        render(robot, "mapping-issues.png");
    }

    @Test
    void batchWithItsReport(FxRobot robot) throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch-2026-11-03"));
        Files.writeString(batch.resolve("calls.csv"), """
                conversation_id,agent_email,contact_date,audio_filename,queue
                C1,ann@example.com,2026-11-03T04:35:00+01:00,call-0001.mp3,Billing
                C2,bob@example.com,yesterday,call-0002.mp3,Billing
                C3,cat@example.com,2026-11-03T06:35:00+01:00
                C4,dan@example.com,2026-11-03T07:35:00+01:00,call-0004.mp3,=HYPERLINK("http://x")
                C4,eve@example.com,2026-11-03T08:35:00+01:00,call-0005.mp3,Sales
                """);
        copy("media/call.mp3", batch.resolve("call-0001.mp3"));
        copy("media/call.mp3", batch.resolve("call-0005.mp3"));
        copy("media/call.mp3", batch.resolve("call-0009.mp3"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(batch.resolve("older-calls.zip")))) {
            zip.putNextEntry(new ZipEntry("call-0004.mp3"));
            try (InputStream mp3 = fixture("media/call.mp3")) {
                mp3.transferTo(zip);
            }
        }
        robot.interact(() -> window.select(Screen.BATCH));
        robot.interact(() -> context.workspace().useMapping(parseMapping(), "northwind-mapping.json"));
        Drops.dropFiles(robot.lookup(".content #dropZone").query(), List.of(batch));
        waitForText(robot, "#metadataCount", "1");
        robot.clickOn("#checkButton");
        TableView<?> issues = robot.lookup("#issueTable").queryAs(TableView.class);
        UiTest.waitUntil(10, () -> !issues.getItems().isEmpty());
        robot.interact(() -> issues.getSelectionModel().select(0));
        waitForText(robot, "#rowLabel", "yesterday");

        render(robot, "batch.png");
    }

    @Test
    void keysWithANewKeyRegisteredWithTheServer(FxRobot robot) throws IOException {
        robot.interact(() -> window.select(Screen.KEYS));
        robot.interact(() -> robot.lookup("#commentField").queryAs(TextField.class).setText("ops@northwind-contact"));
        robot.clickOn("#generateButton");
        UiTest.waitUntil(10, () -> !robot.lookup("#publicKeyArea").queryAs(TextArea.class).getText().isEmpty());
        dialogs.answer(dir.resolve("id_ed25519"));
        robot.interact(() -> robot.lookup("#saveButton").queryAs(Button.class).fire());
        UiTest.waitUntil(10, () -> !robot.lookup("#registerButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#registerButton").queryAs(Button.class).fire());
        UiTest.waitUntil(10, () -> !robot.lookup("#usernameField").queryAs(TextField.class).getText().isEmpty());
        robot.interact(() -> robot.lookup(".form-scroll").queryAs(ScrollPane.class).setVvalue(1));

        render(robot, "keys.png");
    }

    @Test
    void serversWithAConnectedProfile(FxRobot robot) throws IOException {
        robot.interact(() -> window.select(Screen.CONNECT));
        UiTest.waitUntil(15, () -> robot.lookup("#testLabel").queryAs(Label.class).getText().startsWith("Connected"));

        render(robot, "servers.png");
    }

    @Test
    void connectorsFetchingFromTheCustomer(FxRobot robot) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        Path folder = Files.createDirectories(dir.resolve("customer/exports/" + today));
        for (int i = 1; i <= 3; i++) {
            Path recording = TestFiles.wav(folder.resolve(String.format("nw-%04d.wav", i)), 8_000 + 1_000 * i,
                    300 + 90 * i);
            Files.setLastModifiedTime(recording, FileTime.from(Instant.now().minusSeconds(3_600)));
        }
        Files.setLastModifiedTime(Files.writeString(folder.resolve("calls.csv"), CALLS_CSV.replace("call-", "nw-")),
                FileTime.from(Instant.now().minusSeconds(3_600)));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CustomerSftp customer = new CustomerSftp(dir.resolve("customer"))) {
            String recorder = addConnector("""
                    {"name": "Northwind recorder", "protocol": "sftp", "host": "127.0.0.1", "port": %d,
                     "username": "%s", "password": "%s", "basePath": "exports", "dateFolders": "yyyyMMdd",
                     "timeZone": "Europe/Paris", "schedule": "every 30 minutes"}
                    """.formatted(customer.port(), CustomerSftp.USER, CustomerSftp.PASSWORD));
            String archive = addConnector("""
                    {"name": "Old FTP archive", "protocol": "ftp", "host": "127.0.0.1", "port": %d,
                     "username": "archive", "password": "not-used", "basePath": "calls", "schedule": "0 2 * * *"}
                    """.formatted(closedPort));
            server.call("POST", "/api/v1/connectors/" + recorder + "/run?wait=60", null, 200);
            server.call("POST", "/api/v1/connectors/" + archive + "/run?wait=60", null, 200);
            robot.interact(() -> window.select(Screen.CONNECTORS));
            TableView<?> connectors = robot.lookup("#connectorTable").queryAs(TableView.class);
            UiTest.waitUntil(15, () -> connectors.getItems().size() == 2);
            robot.interact(() -> connectors.getSelectionModel().select(0));
            waitForText(robot, "#hostKeyLabel", customer.fingerprint());

            render(robot, "connectors.png");
        }
    }

    /** Adds a pull connector to the campaign through the API; returns its id. */
    private static String addConnector(String json) {
        return server.call("POST", "/api/v1/campaigns/" + campaignId + "/connectors", json, 201).get("id").asText();
    }

    @Test
    void batchSentToTheServer(FxRobot robot) throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch-2026-11-03"));
        Files.writeString(batch.resolve("calls.csv"), CALLS_CSV);
        for (int i = 1; i <= 3; i++) {
            TestFiles.wav(batch.resolve(String.format("call-%04d.wav", i)), 20_000 + 3_000 * i, 300 + 110 * i);
        }
        robot.interact(() -> window.select(Screen.BATCH));
        robot.interact(() -> context.workspace().useMapping(parseMapping(), "northwind-mapping.json"));
        Drops.dropFiles(robot.lookup(".content #dropZone").query(), List.of(batch));
        waitForText(robot, "#metadataCount", "1");
        robot.clickOn("#checkButton");
        UiTest.waitUntil(10, () -> !robot.lookup("#uploadButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#uploadButton");
        waitForText(robot, "#uploadOutcomeLabel", "All 4 files are on the server.");

        render(robot, "batch-upload.png");
    }

    @Test
    void jobsFollowingTheServer(FxRobot robot) throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            files.add(TestFiles.wav(batch.resolve(String.format("rec-%04d.wav", i)), 15_000 + 2_000 * i, 500 + 70 * i));
        }
        files.add(Files.writeString(batch.resolve("evening.csv"), CALLS_CSV.replace("call-", "rec-")
                .replace("NW-", "NE-")));
        UploadQueue queue = context.uploads().prepare(profile, TestProfiles.client(server), campaignId,
                UploadPlan.of(files));
        queue.start();
        assertThat(queue.await(java.time.Duration.ofSeconds(30))).isTrue();
        robot.interact(() -> window.select(Screen.JOBS));
        UiTest.waitUntil(60, () -> {
            TableView<?> batches = robot.lookup("#batchTable").queryAs(TableView.class);
            return !batches.getItems().isEmpty() && batches.getItems().stream().allMatch(item ->
                    ((io.callport.service.api.BatchInfo) item).status().equals("COMPLETED"));
        });
        robot.interact(() -> robot.lookup("#batchTable").queryAs(TableView.class).getSelectionModel().select(0));
        UiTest.waitUntil(10, () -> robot.lookup("#fileTable").queryAs(TableView.class).getItems().size() >= 4);

        render(robot, "jobs.png");
    }

    private void openSample(FxRobot robot, Path sample) {
        Drops.dropFiles(robot.lookup(".content #dropZone").query(), List.of(sample));
        UiTest.waitUntil(10, () -> !robot.lookup("#previewTable").queryAs(TableView.class).getItems().isEmpty());
    }

    private static void waitForText(FxRobot robot, String query, String text) {
        UiTest.waitUntil(10, () -> robot.lookup(query).queryAs(Label.class).getText().contains(text));
    }

    /** Snapshots the whole window and checks the picture shows something. */
    private void render(FxRobot robot, String name) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.getRoot().snapshot(null, null)));
        assertThat(image.get().getWidth()).isEqualTo(UiTest.WIDTH);
        assertThat(distinctColours(image.get())).isGreaterThan(50);
        Path file = outputFolder().resolve(name);
        Png.write(image.get(), file);
        System.out.println("screenshot " + file);
    }

    private static int distinctColours(Image image) {
        Set<Integer> colours = new HashSet<>();
        var pixels = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }

    private static Path outputFolder() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        String wanted = System.getProperty("callport.screenshots");
        if (wanted == null || wanted.isBlank()) {
            return module.resolve("target/screenshots");
        }
        Path folder = Path.of(wanted);
        return folder.isAbsolute() ? folder : module.getParent().resolve(folder).normalize();
    }

    private static io.callport.mapping.FieldMapping parseMapping() {
        try {
            return MappingJson.parse(BATCH_MAPPING);
        } catch (io.callport.mapping.InvalidMappingException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream fixture(String name) {
        return Objects.requireNonNull(ScreenshotsTest.class.getResourceAsStream("/fixtures/" + name), name);
    }

    private static Path copy(String fixture, Path target) throws IOException {
        try (InputStream in = fixture(fixture)) {
            Files.copy(in, target);
        }
        return target;
    }
}
