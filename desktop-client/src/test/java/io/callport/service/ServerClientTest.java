package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.callport.api.Connector;
import io.callport.api.ConnectorRequest;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.MappingJson;
import io.callport.service.api.Campaign;
import io.callport.service.api.PipelineEvent;
import io.callport.service.api.SftpAccess;
import io.callport.testing.CallportTestServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerClientTest {
    static final String MAPPING = """
            {"fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"},
             "metadata": [{"column": "queue", "name": "Queue", "type": "string"}]}
            """;

    @TempDir
    static Path dataDir;
    private static CallportTestServer server;
    private static String salesId;
    private static String supportId;

    @BeforeAll
    static void startServer() {
        server = CallportTestServer.start(dataDir);
        salesId = server.createCampaign("Inbound Sales").get("id").asText();
        supportId = server.createCampaign("Support").get("id").asText();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void listsTheCampaignsTheKeyCanSee() throws IOException {
        assertThat(new ServerClient(server.url(), server.ownerKey()).campaigns())
                .extracting(Campaign::name, Campaign::folder)
                .contains(tuple("Inbound Sales", "inbound-sales"),
                        tuple("Support", "support"));

        String campaignKey = server.createKey("MANAGER", supportId);
        assertThat(new ServerClient(server.url(), campaignKey).campaigns()).extracting(Campaign::id)
                .containsExactly(supportId);
    }

    @Test
    void aWrongKeyIsRefusedWithTheServersSentence() {
        ServerClient client = new ServerClient(server.url(), "cp_" + "x".repeat(43));

        assertThatThrownBy(client::campaigns).isInstanceOfSatisfying(ServerException.class, refused -> {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("{");
            assertThat(refused.isTransient()).isFalse();
        });
    }

    @Test
    void aServerThatDoesNotAnswerIsAConnectionFailureNotARefusal() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerClient client = new ServerClient("http://127.0.0.1:" + closedPort, server.ownerKey());

        assertThatThrownBy(client::campaigns).isInstanceOf(ConnectException.class)
                .isNotInstanceOf(ServerException.class);
    }

    @Test
    void savesAMappingAsTheCampaignsNextVersionAndReadsItBack() throws Exception {
        ServerClient client = new ServerClient(server.url(), server.ownerKey());
        assertThat(client.mapping(salesId)).isEmpty();

        FieldMapping mapping = MappingJson.parse(MAPPING);
        assertThat(client.saveMapping(salesId, mapping).version()).isEqualTo(1);
        assertThat(client.saveMapping(salesId, mapping).version()).isEqualTo(2);

        assertThat(client.mapping(salesId)).hasValueSatisfying(read -> {
            assertThat(read.fields().agentId()).isEqualTo("agent_email");
            assertThat(read.metadata()).extracting(column -> column.name()).containsExactly("Queue");
        });
    }

    @Test
    void theMappingOfACampaignTheKeyCannotSeeIsNotFound() {
        String campaignKey = server.createKey("MANAGER", supportId);

        assertThatThrownBy(() -> new ServerClient(server.url(), campaignKey).mapping(salesId))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void registeringAnSshKeyGivesItsAccountAndRegisteringAgainFindsTheSameOne() throws Exception {
        GeneratedKey key = new KeyService().generate(KeyType.ED25519, "test@callport", null);
        ServerClient client = new ServerClient(server.url(), server.ownerKey());

        SftpAccess first = client.registerSshKey(key.publicKey(), salesId);
        SftpAccess again = client.registerSshKey(key.publicKey(), salesId);

        assertThat(first.host()).isEqualTo("127.0.0.1");
        assertThat(first.port()).isEqualTo(server.sftpPort());
        assertThat(first.username()).isNotBlank();
        assertThat(first.campaignId()).isEqualTo(salesId);
        assertThat(first.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theEventStreamAnnouncesAFileThatArrivesAndEndsQuietlyWhenClosed() throws Exception {
        ServerClient client = new ServerClient(server.url(), server.ownerKey());
        BlockingQueue<PipelineEvent> events =
                new LinkedBlockingQueue<>();
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<IOException> ended = new CompletableFuture<>();
        EventStream stream = client.events(salesId, open::countDown, events::add, ended::complete);
        assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();

        byte[] content = "a recording".getBytes(StandardCharsets.UTF_8);
        URI upload = client.tusCreate(salesId, "announced.wav", content.length);
        client.tusPatch(upload, 0, RequestBody.create(content, ServerClient.chunkType()),
                MessageDigest.getInstance("SHA-256").digest(content));

        PipelineEvent event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.type()).isEqualTo(PipelineEvent.FILE);
        assertThat(event.campaignId()).isEqualTo(salesId);
        assertThat(event.status()).isNotBlank();
        stream.close();
        assertThat(ended.get(10, TimeUnit.SECONDS)).as("closed here: no reason").isNull();
    }

    @Test
    void aPullConnectorIsAddedChangedAndRemovedAndEveryRefusalIsASentence() throws IOException {
        ServerClient client = new ServerClient(server.url(), server.ownerKey());
        ConnectorRequest settings = new ConnectorRequest("Archive FTP", "ftp", "127.0.0.1", 1, "archive", "calls",
                Connector.ACTIVE, null, null, null, null, null, "s3cret", null, null, null, null, "yyyy_MM_dd", 3,
                "Europe/Paris", "every 2 hours", "25%", null, 0, 2, false);

        Connector added = client.createConnector(supportId, settings);
        assertThat(added).extracting(Connector::name, Connector::protocol, Connector::port, Connector::basePath,
                Connector::ftpMode, Connector::dateFolders, Connector::schedule, Connector::picking,
                Connector::enabled).containsExactly("Archive FTP", "ftp", 1, "calls", "active", "yyyy_MM_dd",
                "every 2 hours", "25%", false);
        assertThat(added.status().state()).isEqualTo("DISABLED");
        assertThat(client.connectors(supportId)).extracting(Connector::id).containsExactly(added.id());
        assertThatThrownBy(() -> client.runConnector(added.id(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ServerException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.getMessage()).isEqualTo("The connector 'Archive FTP' is disabled; enable it "
                            + "before running it.");
                });
        assertThatThrownBy(() -> client.confirmHostKey(added.id(), "not a fingerprint"))
                .hasMessageContaining("A fingerprint starts with SHA256:");

        Connector enabled = client.updateConnector(added.id(), ConnectorRequest.enabledOnly(true));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.schedule()).as("a change keeps what it does not give").isEqualTo("every 2 hours");
        assertThat(enabled.ftpMode()).isEqualTo(Connector.ACTIVE);
        assertThat(client.connectorFiles(added.id(), "FAILED", 0, 10).items()).isEmpty();

        client.deleteConnector(added.id());
        assertThat(client.connectors(supportId)).isEmpty();
        assertThatThrownBy(() -> client.deleteConnector(added.id())).isInstanceOfSatisfying(ServerException.class,
                gone -> assertThat(gone.getMessage()).isEqualTo("There is no connector '" + added.id()
                        + "' that this key can reach."));
    }

    @Test
    void anAddressIsNormalisedAndNonsenseIsExplained() {
        assertThat(ServerClient.normalizeUrl(" http://127.0.0.1:8080/ ")).isEqualTo("http://127.0.0.1:8080");
        assertThat(ServerClient.normalizeUrl("callport.example.com")).isEqualTo("https://callport.example.com");
        assertThatThrownBy(() -> ServerClient.normalizeUrl("")).hasMessageContaining("Enter the server's address");
        assertThatThrownBy(() -> ServerClient.normalizeUrl("http://exa mple.com"))
                .hasMessageContaining("'http://exa mple.com' is not a web address");
    }
}
