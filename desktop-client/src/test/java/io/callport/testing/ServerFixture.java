package io.callport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.callport.service.Connection;
import io.callport.service.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Callport server for the tests of a class, in a data folder of its own, with one campaign: started before
 * the class's {@code @BeforeAll} methods, stopped and deleted after its last test. Register it on a static field:
 * {@code @RegisterExtension static final ServerFixture SERVER = new ServerFixture("Inbound Sales");}.
 */
public final class ServerFixture implements BeforeAllCallback, AfterAllCallback {
    private final String campaignName;
    private Path folder;
    private CallportTestServer server;
    private JsonNode campaign;

    public ServerFixture(String campaignName) {
        this.campaignName = campaignName;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("callport-test-server");
        server = CallportTestServer.start(folder.resolve("data"));
        campaign = server.createCampaign(campaignName);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
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
