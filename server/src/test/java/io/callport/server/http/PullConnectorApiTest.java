package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.callport.server.StandardExtensions;
import io.callport.server.TestServer;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.Role;
import io.callport.server.config.ServerConfig;
import io.callport.server.ingest.Recordings;
import io.callport.server.pull.SftpTestServer;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import io.callport.testsupport.FtpTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Pull connectors through the API of a server running the production extensions (the pipeline included), fetching
 * from a real SFTP server (Apache MINA SSHD) on loopback.
 */
class PullConnectorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String WRONG_PASSWORD = "Wr0ng-pa55word-7Qx";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String owner;

    @TempDir
    Path remote;
    private SftpTestServer sftp;
    private String today;
    /** Every response body of the test, to prove no secret ever comes back. */
    private final List<String> responses = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level callportLevel;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), StandardExtensions.all());
        owner = server.ownerKey();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startSftpAndCaptureLogs() throws IOException {
        Logger callport = (Logger) LoggerFactory.getLogger("io.callport");
        callportLevel = callport.getLevel();
        callport.setLevel(Level.DEBUG);
        logs.start();
        root().addAppender(logs);
        today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        sftp = startSftp(null);
    }

    @AfterEach
    void stopSftp() throws IOException {
        sftp.close();
        root().detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("io.callport")).setLevel(callportLevel);
    }

    @Test
    void aConnectorCreatedThroughTheApiFetchesOnCreationAndWhenRunAndShowsWhatItFetched() throws IOException {
        String campaign = server.createCampaign("Fetched sales");
        remoteFile(today + "/20260211-080017_inbound_a17.wav", "first recording");
        remoteFile("not-in-a-date-folder.wav", "left alone");

        TestServer.Response created = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Recorder SFTP", SftpTestServer.PASSWORD).put("dateFolders", "yyyyMMdd")
                        .put("schedule", "every 2 hours").put("timeZone", "UTC"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode connector = created.json();
        assertThat(connector.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(connector.get("protocol").asText()).isEqualTo("sftp");
        assertThat(connector.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(connector.get("port").asInt()).isEqualTo(sftp.port());
        assertThat(connector.get("username").asText()).isEqualTo(SftpTestServer.USER);
        assertThat(connector.get("basePath").asText()).isEqualTo("depot");
        assertThat(connector.get("dateFolders").asText()).isEqualTo("yyyyMMdd");
        assertThat(connector.get("schedule").asText()).isEqualTo("every 2 hours");
        assertThat(connector.get("picking").asText()).isEqualTo("all");
        assertThat(connector.get("enabled").asBoolean()).isTrue();
        String id = connector.get("id").asText();

        // a new connector runs at once
        JsonNode firstRun = awaitConnector(id, c -> c.at("/status/state").asText().equals("OK")
                && nextRunAfterLastRun(c).isPositive());
        assertThat(firstRun.at("/files/DELIVERED").asInt()).isEqualTo(1);
        assertThat(firstRun.get("hostKeyFingerprint").asText()).isEqualTo(sftp.hostKeyFingerprint());
        assertThat(nextRunAfterLastRun(firstRun)).as("the schedule counts from the end of the run")
                .isBetween(Duration.ofHours(2), Duration.ofHours(2).plus(PATIENCE));

        remoteFile(today + "/20260211-090000_outbound_a17.wav", "second recording");
        TestServer.Response run = post("/api/v1/connectors/" + id + "/run?wait=60", owner, null);

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().at("/run/listed").asInt()).isEqualTo(2);
        assertThat(run.json().at("/run/delivered").asInt()).isEqualTo(1);
        assertThat(run.json().at("/run/failure").isNull()).isTrue();
        assertThat(run.json().at("/connector/files/DELIVERED").asInt()).isEqualTo(2);

        TestServer.Response files = get("/api/v1/connectors/" + id + "/files", owner);
        assertThat(files.json().get("items")).extracting(file -> file.get("path").asText()).containsExactly(
                today + "/20260211-090000_outbound_a17.wav", today + "/20260211-080017_inbound_a17.wav");
        assertThat(files.json().get("items")).allSatisfy(file -> {
            assertThat(file.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(file.get("sha256").asText()).hasSize(64);
        });
        assertThat(files.json().get("nextOffset").isNull()).isTrue();
        TestServer.Response firstPage = get("/api/v1/connectors/" + id + "/files?limit=1", owner);
        assertThat(firstPage.json().get("items")).hasSize(1);
        assertThat(firstPage.json().get("nextOffset").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/connectors/" + id + "/files?state=FAILED", owner).json().get("items")).isEmpty();
        assertThat(get("/api/v1/connectors/" + id + "/files?state=LOST", owner).status()).isEqualTo(400);

        assertThat(get("/api/v1/campaigns/" + campaign + "/connectors", owner).json())
                .extracting(c -> c.get("id").asText()).containsExactly(id);
    }

    @Test
    void pulledRecordingsAndTheirCsvBecomeCallsArrivedByPull() throws IOException {
        TestServer.Response campaignCreated = post("/api/v1/campaigns", owner, JSON.createObjectNode()
                .put("name", "Pulled calls").put("csvRequired", true).put("batchWindowSeconds", 1));
        String campaign = campaignCreated.json().get("id").asText();
        assertThat(server.put("/api/v1/campaigns/" + campaign + "/mapping", owner, """
                {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "call_id",
                            "audioFilename": "recording"}}
                """).status()).isIn(200, 201);
        post("/api/v1/agents", owner, JSON.createObjectNode().put("externalId", "pull-478").put("name", "Ann Lee"));
        remoteFile("c1.wav", Recordings.wav(1200));
        remoteFile("c2.wav", Recordings.wav(800));
        remoteFile("calls.csv", """
                call_id,agent,date,recording
                P1,pull-478,2026-01-05T09:00:00+01:00,c1.wav
                P2,pull-478,2026-01-05T10:00:00Z,c2.wav
                """.getBytes(StandardCharsets.UTF_8));

        post("/api/v1/campaigns/" + campaign + "/connectors", owner, sftpConnector("Calls", SftpTestServer.PASSWORD));

        String calls = "/api/v1/calls?campaignId=" + campaign + "&source=PULL";
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode items = get(calls, owner).json().get("items");
        while (items.size() < 2 || !items.findValuesAsText("status").stream().allMatch("COMPLETED"::equals)) {
            assertThat(Instant.now()).as("waiting for completed calls: %s", items).isBefore(deadline);
            sleep();
            items = get(calls, owner).json().get("items");
        }
        assertThat(items).extracting(call -> call.get("contactReference").asText(), call -> call.get("source")
                .asText(), call -> call.get("recordingName").asText()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("P1", "PULL", "c1.wav"),
                org.assertj.core.groups.Tuple.tuple("P2", "PULL", "c2.wav"));
    }

    @Test
    void aWrongPasswordShowsOnTheConnectorUntilTheRightOneIsGiven() {
        String campaign = server.createCampaign("Wrong password");
        remoteFile(today + "/call.wav", "recording");
        String id = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Mistyped", WRONG_PASSWORD).put("dateFolders", "yyyyMMdd")).json().get("id").asText();

        JsonNode failing = awaitConnector(id, c -> c.at("/status/state").asText().equals("FAILING")
                && nextRunAfterLastRun(c).isPositive());

        assertThat(failing.at("/status/failure").asText()).isEqualTo("BAD_CREDENTIALS");
        assertThat(failing.at("/status/failureMessage").asText()).contains("127.0.0.1:" + sftp.port(),
                "'" + SftpTestServer.USER + "'");
        assertThat(failing.at("/status/consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(nextRunAfterLastRun(failing)).as("retried after a minute")
                .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plus(PATIENCE));
        assertThat(failing.at("/files/DELIVERED").asInt()).isZero();

        TestServer.Response fixed = patch("/api/v1/connectors/" + id, owner,
                JSON.createObjectNode().put("password", SftpTestServer.PASSWORD));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        TestServer.Response run = post("/api/v1/connectors/" + id + "/run?wait=60", owner, null);

        assertThat(run.json().at("/connector/status/state").asText()).isEqualTo("OK");
        assertThat(run.json().at("/connector/status/failure").isNull()).isTrue();
        assertThat(run.json().at("/connector/status/consecutiveFailures").asInt()).isZero();
        assertThat(run.json().at("/connector/files/DELIVERED").asInt()).isEqualTo(1);
    }

    @Test
    void aChangedHostKeyBlocksTheConnectorUntilAPersonConfirmsTheNewOne() {
        String campaign = server.createCampaign("Host key");
        remoteFile("before.wav", "before");
        String id = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Pinned", SftpTestServer.PASSWORD)).json().get("id").asText();
        String pinned = awaitConnector(id, c -> c.at("/files/DELIVERED").asInt() == 1).get("hostKeyFingerprint")
                .asText();

        sftp.replaceHostKey();
        remoteFile("after.wav", "after");
        TestServer.Response blocked = post("/api/v1/connectors/" + id + "/run?wait=60", owner, null);

        String replaced = sftp.hostKeyFingerprint();
        assertThat(replaced).isNotEqualTo(pinned);
        assertThat(blocked.json().at("/run/failure").asText()).isEqualTo("HOST_KEY_CHANGED");
        assertThat(blocked.json().at("/run/failureMessage").asText()).contains(pinned, replaced);
        assertThat(blocked.json().at("/run/delivered").asInt()).isZero();
        assertThat(blocked.json().at("/connector/hostKeyFingerprint").asText()).isEqualTo(pinned);
        assertThat(blocked.json().at("/connector/status/offeredFingerprint").asText())
                .as("the fingerprint to confirm, in a field of its own").isEqualTo(replaced);
        assertThat(post("/api/v1/connectors/" + id + "/run?wait=60", owner, null).json().at("/run/failure")
                .asText()).as("running again does not get past it").isEqualTo("HOST_KEY_CHANGED");

        TestServer.Response malformed = post("/api/v1/connectors/" + id + "/confirm-host-key", owner,
                JSON.createObjectNode().put("fingerprint", "ab:cd"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asText()).contains("SHA256:");
        TestServer.Response confirmed = post("/api/v1/connectors/" + id + "/confirm-host-key", owner,
                JSON.createObjectNode().put("fingerprint", replaced));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("hostKeyFingerprint").asText()).isEqualTo(replaced);
        assertThat(confirmed.json().at("/status/failure").isNull()).isTrue();
        assertThat(confirmed.json().at("/status/offeredFingerprint").isNull()).isTrue();
        TestServer.Response after = post("/api/v1/connectors/" + id + "/run?wait=60", owner, null);
        assertThat(after.json().at("/run/failure").isNull()).isTrue();
        assertThat(get("/api/v1/connectors/" + id + "/files?state=DELIVERED", owner).json().get("items"))
                .extracting(file -> file.get("path").asText()).containsExactlyInAnyOrder("before.wav", "after.wav");
    }

    @Test
    void anFtpConnectorFetchesInActiveModeWhenAskedAndPassiveByDefault() throws Exception {
        String campaign = server.createCampaign("FTP modes");
        remoteFile("active.wav", "fetched over a data connection the FTP server opened back");
        try (FtpTestServer ftp = new FtpTestServer(remote, null)) {
            ObjectNode body = JSON.createObjectNode().put("name", "Old recorder FTP").put("protocol", "ftp")
                    .put("host", "127.0.0.1").put("port", ftp.port()).put("username", FtpTestServer.USER)
                    .put("password", FtpTestServer.PASSWORD).put("basePath", "depot").put("enabled", false);
            assertRefused(post("/api/v1/campaigns/" + campaign + "/connectors", owner, body.deepCopy()
                    .put("ftpMode", "sideways")), 400, "The FTP mode 'sideways' must be passive (the default) or "
                    + "active.");
            TestServer.Response created = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                    body.put("ftpMode", "active"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("ftpMode").asText()).isEqualTo("active");
            String id = created.json().get("id").asText();
            patch("/api/v1/connectors/" + id, owner, JSON.createObjectNode().put("enabled", true));

            TestServer.Response active = post("/api/v1/connectors/" + id + "/run?wait=60", owner, null);
            assertThat(active.json().at("/run/failure").isNull()).as(active.body()).isTrue();
            assertThat(active.json().at("/connector/files/DELIVERED").asInt()).isEqualTo(1);
            assertThat(ftp.dataConnectionCommands()).isNotEmpty().isSubsetOf("PORT", "EPRT");

            remoteFile("passive.wav", "fetched over a data connection the FTP server listened for");
            TestServer.Response changed = patch("/api/v1/connectors/" + id, owner, JSON.createObjectNode()
                    .put("ftpMode", "passive"));
            assertThat(changed.json().get("ftpMode").asText()).isEqualTo("passive");
            assertThat(post("/api/v1/connectors/" + id + "/run?wait=60", owner, null).json()
                    .at("/connector/files/DELIVERED").asInt()).isEqualTo(2);
            assertThat(ftp.dataConnectionCommands()).containsAnyOf("PASV", "EPSV");
        }
        JsonNode sftpConnector = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("No FTP mode", "p").put("enabled", false)).json();
        assertThat(sftpConnector.get("ftpMode").isNull()).isTrue();
    }

    @Test
    void anS3ConnectorGoesBackFromAnAccessKeyToTheDefaultCredentials() throws IOException {
        String campaign = server.createCampaign("S3 credentials");
        String connectors = "/api/v1/campaigns/" + campaign + "/connectors";
        TestServer.Response created = post(connectors, owner, JSON.createObjectNode().put("name", "Keyed bucket")
                .put("protocol", "s3").put("bucket", "recordings").put("endpoint", "http://127.0.0.1:" + closedPort())
                .put("accessKey", "AKIAEXAMPLE").put("secretKey", "example-secret").put("enabled", false));
        assertThat(created.json().get("defaultCredentials").asBoolean()).isFalse();
        String id = created.json().get("id").asText();
        String connector = "/api/v1/connectors/" + id;

        assertRefused(patch(connector, owner, JSON.createObjectNode().put("defaultCredentials", true)
                .put("accessKey", "AKIAOTHER").put("secretKey", "other-secret")), 400, "not both");
        TestServer.Response chain = patch(connector, owner, JSON.createObjectNode().put("defaultCredentials", true));
        assertThat(chain.status()).as(chain.body()).isEqualTo(200);
        assertThat(chain.json().get("defaultCredentials").asBoolean()).isTrue();
        assertThat(get(connector, owner).json().get("defaultCredentials").asBoolean()).isTrue();
        assertRefused(patch(connector, owner, JSON.createObjectNode().put("defaultCredentials", false)), 400,
                "give the S3 access key and the secret key");

        TestServer.Response keys = patch(connector, owner, JSON.createObjectNode().put("defaultCredentials", false)
                .put("accessKey", "AKIANEW").put("secretKey", "new-secret"));
        assertThat(keys.json().get("defaultCredentials").asBoolean()).isFalse();
        JsonNode sftpConnector = post(connectors, owner, sftpConnector("Beside the bucket", "p").put("enabled", false)).json();
        assertThat(sftpConnector.get("defaultCredentials").isNull()).isTrue();
        assertRefused(patch("/api/v1/connectors/" + sftpConnector.get("id").asText(), owner,
                JSON.createObjectNode().put("defaultCredentials", true)), 400, "defaultCredentials is for S3");
    }

    @Test
    void theOpenApiDocumentDescribesEveryFieldOfAConnector() {
        String campaign = server.createCampaign("Described");
        JsonNode connector = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Described", "p").put("enabled", false)).json();
        JsonNode schemas = get("/api/v1/openapi.json", owner).json().at("/components/schemas");

        assertThat(schemas.at("/Connector/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(() -> connector.fieldNames());
        assertThat(schemas.at("/ConnectorStatus/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(() -> connector.get("status").fieldNames());
        assertThat(schemas.at("/ConnectorRequest/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(recordComponents(io.callport.api.ConnectorRequest.class));
    }

    @Test
    void credentialsAreNeverReturnedNorLogged() throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        key.writePrivateKey(pem);
        String privateKey = pem.toString(StandardCharsets.US_ASCII);
        sftp.close();
        sftp = startSftp(new ByteArrayBuffer(key.getPublicKeyBlob()).getRawPublicKey());
        remoteFile("call.wav", "recording");
        String secretKey = "s3Secret/Key+" + "x".repeat(27);
        String accessKey = "AKIAEXAMPLEACCESS42";
        String campaign = server.createCampaign("Secrets");
        String connectors = "/api/v1/campaigns/" + campaign + "/connectors";

        String byPassword = post(connectors, owner, sftpConnector("By password", SftpTestServer.PASSWORD))
                .json().get("id").asText();
        String byKey = post(connectors, owner, sftpConnector("By key", null).put("privateKey", privateKey))
                .json().get("id").asText();
        String wrong = post(connectors, owner, sftpConnector("Wrong", WRONG_PASSWORD)).json().get("id").asText();
        String s3 = post(connectors, owner, JSON.createObjectNode().put("name", "Bucket").put("protocol", "s3")
                .put("bucket", "recordings").put("endpoint", "http://127.0.0.1:" + closedPort())
                .put("accessKey", accessKey).put("secretKey", secretKey)).json().get("id").asText();
        for (String id : List.of(byPassword, byKey, wrong, s3)) {
            post("/api/v1/connectors/" + id + "/run?wait=120", owner, null);
            patch("/api/v1/connectors/" + id, owner, JSON.createObjectNode().put("lookbackDays", 3));
            get("/api/v1/connectors/" + id, owner);
            get("/api/v1/connectors/" + id + "/files", owner);
        }
        patch("/api/v1/connectors/" + wrong, owner, JSON.createObjectNode().put("password", WRONG_PASSWORD + "2"));
        get(connectors, owner);

        JsonNode all = get(connectors, owner).json();
        assertThat(all).hasSize(4);
        assertThat(all.findValues("status")).extracting(status -> status.get("failure").asText())
                .containsExactly("null", "null", "BAD_CREDENTIALS", "UNREACHABLE");
        assertThat(all.get(1).at("/files/DELIVERED").asInt()).as("the private key logged in").isEqualTo(1);
        List<String> secrets = List.of(SftpTestServer.PASSWORD, WRONG_PASSWORD, secretKey, accessKey,
                privateKey.lines().skip(1).findFirst().orElseThrow());
        for (String secret : secrets) {
            assertThat(responses).as("responses").noneMatch(body -> body.contains(secret));
            assertThat(logText()).as("logs").doesNotContain(secret);
        }
        assertThat(all.get(0).fieldNames()).toIterable().doesNotContain("password", "privateKey",
                "privateKeyPassphrase", "accessKey", "secretKey", "credentials");
        assertThat(logText()).as("the logs did capture the connectors' work").contains("connector created",
                "pull run failed");
    }

    @Test
    void keysReachOnlyTheConnectorsOfTheirOrganisationAndCampaign() {
        String campaign = server.createCampaign("Scoped connectors");
        String otherCampaign = server.createCampaign("Other connectors");
        String id = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Scoped", SftpTestServer.PASSWORD).put("enabled", false)).json().get("id").asText();
        Store store = server.server().context().store();
        Organisation globex = store.organisations().create("Globex " + campaign);
        String otherOrganisation = new ApiKeyService(store.apiKeys(), Clock.systemUTC())
                .issue(globex.id(), null, "globex owner", Role.OWNER).secret();
        String otherCampaignKey = server.createKey("SENIOR_MANAGER", otherCampaign);
        String ownCampaignKey = server.createKey("SENIOR_MANAGER", campaign);
        String manager = server.createKey("MANAGER", null);
        String connector = "/api/v1/connectors/" + id;

        for (String key : List.of(otherOrganisation, otherCampaignKey)) {
            assertThat(get(connector, key).status()).isEqualTo(404);
            assertThat(get(connector, key).error()).isEqualTo("not_found");
            assertThat(patch(connector, key, JSON.createObjectNode().put("name", "Mine")).status()).isEqualTo(404);
            assertThat(post(connector + "/run", key, null).status()).isEqualTo(404);
            assertThat(post(connector + "/confirm-host-key", key, JSON.createObjectNode().put("fingerprint",
                    "SHA256:abc")).status()).isEqualTo(404);
            assertThat(get(connector + "/files", key).status()).isEqualTo(404);
            assertThat(server.delete(connector, key).status()).isEqualTo(404);
            assertThat(get("/api/v1/campaigns/" + campaign + "/connectors", key).status()).isEqualTo(404);
            assertThat(post("/api/v1/campaigns/" + campaign + "/connectors", key,
                    sftpConnector("Intruder", "x")).status()).isEqualTo(404);
        }
        assertThat(get(connector, manager).status()).as("no CONFIGURE_SFTP permission").isEqualTo(403);
        assertThat(get(connector, ownCampaignKey).status()).isEqualTo(200);
        assertThat(get("/api/v1/campaigns/" + campaign + "/connectors", ownCampaignKey).json()).hasSize(1);
        assertThat(get(connector, owner).json().get("name").asText()).isEqualTo("Scoped");
    }

    @Test
    void aDisabledConnectorDoesNotRunAndADeletedOneIsGone() {
        String campaign = server.createCampaign("Disabled");
        remoteFile("call.wav", "recording");
        String id = post("/api/v1/campaigns/" + campaign + "/connectors", owner,
                sftpConnector("Paused", SftpTestServer.PASSWORD).put("enabled", false)).json().get("id").asText();
        String connector = "/api/v1/connectors/" + id;

        JsonNode disabled = get(connector, owner).json();
        assertThat(disabled.at("/status/state").asText()).isEqualTo("DISABLED");
        assertThat(disabled.at("/status/nextRunAt").isNull()).isTrue();
        TestServer.Response refused = post(connector + "/run", owner, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("'Paused' is disabled");

        assertThat(patch(connector, owner, JSON.createObjectNode().put("enabled", true)).status()).isEqualTo(200);
        awaitConnector(id, c -> c.at("/files/DELIVERED").asInt() == 1);
        TestServer.Response started = post(connector + "/run", owner, null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("run").isNull()).isTrue();

        assertThat(server.delete(connector, owner).status()).isEqualTo(204);
        assertThat(get(connector, owner).status()).isEqualTo(404);
        assertThat(post(connector + "/run", owner, null).status()).isEqualTo(404);
        assertThat(get("/api/v1/campaigns/" + campaign + "/connectors", owner).json()).isEmpty();
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheReason() {
        String campaign = server.createCampaign("Refusals");
        String connectors = "/api/v1/campaigns/" + campaign + "/connectors";

        assertRefused(post(connectors, owner, sftpConnector("Smb", "p").put("protocol", "smb")), 400,
                "The protocol 'smb' must be sftp, ftp, ftps or s3.");
        assertRefused(post(connectors, owner, sftpConnector("No secret", null)), 400,
                "The SFTP connector needs a password or a private key.");
        assertRefused(post(connectors, owner, sftpConnector("Bad schedule", "p").put("schedule", "hourly")), 400,
                "hourly");
        assertRefused(post(connectors, owner, sftpConnector("Bad zone", "p").put("timeZone", "Mars/Olympus")), 400,
                "The time zone 'Mars/Olympus' is not known");
        assertRefused(post(connectors, owner, sftpConnector("Bad folders", "p").put("dateFolders", "../yyyy")),
                400, "The date-folder pattern '../yyyy'");
        assertRefused(post(connectors, owner, sftpConnector("Per agent", "p").put("picking", "5 per agent")),
                400, "give the campaign's file-name convention");
        assertRefused(post(connectors, owner, JSON.createObjectNode().put("name", "No bucket")
                .put("protocol", "s3").put("region", "eu-west-3")), 400, "needs a bucket name");
        assertRefused(post(connectors, owner, JSON.createObjectNode().put("name", "Bad endpoint")
                .put("protocol", "s3").put("bucket", "b").put("endpoint", "ftp://x")), 400,
                "must be a URL such as https://s3.example.com:9000");
        assertRefused(post(connectors, owner, sftpConnector("Typo", "p").put("passwrd", "p")), 400, "passwrd");
        String bucket = post(connectors, owner, JSON.createObjectNode().put("name", "Regional").put("protocol", "s3")
                .put("bucket", "b").put("region", "eu-west-3").put("enabled", false)).json().get("id").asText();
        assertRefused(post("/api/v1/connectors/" + bucket + "/confirm-host-key", owner, JSON.createObjectNode()
                .put("fingerprint", "SHA256:abc")), 400, "An S3 connector has no host key");
        assertRefused(patch("/api/v1/connectors/" + bucket, owner, JSON.createObjectNode().put("accessKey", "AKIA")),
                400, "Give both the S3 access key and the secret key");
        assertRefused(patch("/api/v1/connectors/" + bucket, owner, sftpConnector(null, null)), 400,
                "Changing the protocol from s3 to sftp needs the credentials for sftp too.");
        TestServer.Response moved = patch("/api/v1/connectors/" + bucket, owner, sftpConnector(null, "p"));
        assertThat(moved.json().get("protocol").asText()).isEqualTo("sftp");
        assertThat(moved.json().get("bucket").isNull()).as("an SFTP connector has no bucket").isTrue();
        assertThat(moved.json().get("port").asInt()).isEqualTo(sftp.port());
        assertThat(post(connectors, owner, sftpConnector("Twice", "p").put("enabled", false)).status())
                .isEqualTo(201);
        assertRefused(post(connectors, owner, sftpConnector("Twice", "p")), 409, "already named 'Twice'");
        assertThat(get(connectors, owner).json()).extracting(c -> c.get("name").asText())
                .containsExactly("Regional", "Twice");
    }

    private static void assertRefused(TestServer.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("message").asText()).contains(message);
    }

    private ObjectNode sftpConnector(String name, String password) {
        ObjectNode body = JSON.createObjectNode().put("protocol", "sftp").put("host", "127.0.0.1")
                .put("port", sftp.port()).put("username", SftpTestServer.USER).put("basePath", "depot");
        if (name != null) {
            body.put("name", name);
        }
        return password == null ? body : body.put("password", password);
    }

    private static Duration nextRunAfterLastRun(JsonNode connector) {
        return Duration.between(Instant.parse(connector.at("/status/lastRunAt").asText()),
                Instant.parse(connector.at("/status/nextRunAt").asText()));
    }

    private JsonNode awaitConnector(String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode connector = get("/api/v1/connectors/" + id, owner).json();
        while (!condition.test(connector)) {
            assertThat(Instant.now()).as("waiting on connector %s", connector).isBefore(deadline);
            sleep();
            connector = get("/api/v1/connectors/" + id, owner).json();
        }
        return connector;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private TestServer.Response get(String path, String key) {
        return recorded(server.get(path, key));
    }

    private TestServer.Response post(String path, String key, ObjectNode body) {
        return recorded(server.post(path, key, body == null ? "" : body.toString()));
    }

    private TestServer.Response patch(String path, String key, ObjectNode body) {
        return recorded(server.patch(path, key, body.toString()));
    }

    private TestServer.Response recorded(TestServer.Response response) {
        responses.add(response.body());
        return response;
    }

    /** A recording in the customer's depot, written an hour ago so it is past the quiet period. */
    private void remoteFile(String relative, String content) {
        remoteFile(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private void remoteFile(String relative, byte[] content) {
        try {
            Path file = remote.resolve("depot").resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SftpTestServer startSftp(PublicKey acceptedKey) throws IOException {
        Files.createDirectories(remote.resolve("depot"));
        return new SftpTestServer(remote, acceptedKey);
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        List<ILoggingEvent> events;
        synchronized (logs) { // the appender adds under its own lock while the server's threads log
            events = List.copyOf(logs.list);
        }
        for (ILoggingEvent event : events) {
            text.append(event.getFormattedMessage()).append(' ').append(event.getKeyValuePairs()).append(' ');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append(' ');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static List<String> recordComponents(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
