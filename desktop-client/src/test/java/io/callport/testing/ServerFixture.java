package io.callport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.ServerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Callport server, in a data folder of its own, with one campaign. On a static field it serves the tests of
 * a class: started before the class's {@code @BeforeAll} methods, stopped and deleted after its last test
 * ({@code @RegisterExtension static final ServerFixture SERVER = new ServerFixture("Inbound Sales");}). On an
 * instance field each test has a server of its own, for tests that count what arrived.
 */
public final class ServerFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final String campaignName;
    private Path folder;
    private CallportTestServer server;
    private JsonNode campaign;
    private boolean perTest;

    public ServerFixture(String campaignName) {
        this.campaignName = campaignName;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    /** Called for every test; starts the server only where no {@link #beforeAll} did (an instance field). */
    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (server == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (perTest) {
            stop();
        }
    }

    private void start() throws IOException {
        folder = Files.createTempDirectory("callport-test-server");
        server = CallportTestServer.start(folder.resolve("data"));
        campaign = server.createCampaign(campaignName);
    }

    private void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public CallportTestServer server() {
        return server;
    }

    public String campaignId() {
        return campaign.get("id").asText();
    }

    /** The campaign's folder on the server, where its files land. */
    public String campaignFolder() {
        return campaign.get("folder").asText();
    }

    /** The paths of the files that arrived in the campaign's folder, relative to it. */
    public List<String> arrived() {
        return server.arrived(campaignFolder());
    }

    /** Where the campaign's files land on the server's disk. */
    public Path landingFolder() {
        return server.landingFolder(campaignFolder());
    }

    /** A client of the server holding the owner key. */
    public ServerClient client() {
        return TestProfiles.client(server);
    }

    /** A profile of the campaign that sends over HTTP with the owner key. */
    public Profile httpProfile() {
        return TestProfiles.http(server, campaignId()).withCampaign(campaignId(), campaignName);
    }

    /** A profile of the campaign that sends by SFTP with a new key, kept in a new folder, registered for it. */
    public Profile sftpProfile() throws Exception {
        return TestProfiles.sftp(server, campaignId(), Files.createTempDirectory(folder, "key"))
                .withCampaign(campaignId(), campaignName);
    }

    /** The profile with a client holding the owner key, as the Uploader works with it. */
    public Connection connection(Profile profile) {
        return new Connection(profile, TestProfiles.client(server));
    }
}
