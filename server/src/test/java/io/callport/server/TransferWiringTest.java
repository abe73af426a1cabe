package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import io.callport.server.config.ServerConfig;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.UploadSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running server as a customer meets it: register a key through the API, then send files by SFTP and HTTP. */
class TransferWiringTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path keys;
    private final List<LandedFile> arrivals = new CopyOnWriteArrayList<>();
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0),
                List.of(new TransferExtension(context -> arrivals::add)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKeyRegisteredThroughTheApiLogsInToItsCampaignFolder() throws Exception {
        String sales = server.createCampaign("Sales");
        String support = server.createCampaign("Support");
        Path key = generateKey("sales");
        TestServer.Response registered = server.post("/api/v1/ssh-keys", server.ownerKey(),
                "{\"publicKey\": \"" + publicKeyLine(key) + "\", \"campaignId\": \"" + sales + "\"}");
        assertThat(registered.status()).isEqualTo(201);
        String username = registered.json().get("username").asText();
        int port = registered.json().get("port").asInt();

        Session session = connect(username, port, key);
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            sftp.put(new ByteArrayInputStream("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII)), "call-1.wav");
            sftp.put(new ByteArrayInputStream("id,agent\n".getBytes(StandardCharsets.US_ASCII)), "calls.csv");
            assertThatThrownBy(() -> sftp.cd("/../support")).isInstanceOf(Exception.class);
        } finally {
            session.disconnect();
        }

        assertThat(port).isEqualTo(server.server().context().ports().sftp()).isPositive();
        assertThat(arrivals).extracting(LandedFile::relativePath).containsExactly("call-1.wav", "calls.csv");
        assertThat(arrivals).allSatisfy(file -> {
            assertThat(file.source()).isEqualTo(UploadSource.SFTP);
            assertThat(file.campaign().campaignFolder()).isEqualTo("sales");
        });
        assertThat(support).isNotEqualTo(sales);
    }

    @Test
    void anUnregisteredKeyCannotLogIn() throws Exception {
        server.createCampaign("Sales");
        Path registeredKey = generateKey("registered");
        Path otherKey = generateKey("other");
        String username = server.post("/api/v1/ssh-keys", server.ownerKey(),
                "{\"publicKey\": \"" + publicKeyLine(registeredKey) + "\"}").json().get("username").asText();
        int port = server.server().context().ports().sftp();

        assertThatThrownBy(() -> connect(username, port, otherKey)).isInstanceOf(JSchException.class)
                .hasMessageContaining("Auth fail");
        assertThat(arrivals).isEmpty();
    }

    @Test
    void httpUploadsNeedAKeyForTheirCampaignButTusDiscoveryDoesNot() {
        String sales = server.createCampaign("Sales");
        String support = server.createCampaign("Support");
        String supportKey = server.createKey("MANAGER", support);

        TestServer.Response discovery = server.send(server.request("/api/v1/tus", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        TestServer.Response noKey = server.send(tusCreate(null, sales));
        TestServer.Response otherCampaign = server.send(tusCreate(supportKey, sales));
        TestServer.Response created = server.send(tusCreate(server.ownerKey(), sales));

        assertThat(discovery.status()).isEqualTo(204);
        assertThat(discovery.headers().firstValue("Tus-Version")).contains("1.0.0");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(otherCampaign.status()).isEqualTo(404);
        assertThat(created.status()).isEqualTo(201);

        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/v1/tus/"));
        TestServer.Response patched = server.send(server.request(path, server.ownerKey())
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4})));
        assertThat(patched.status()).isEqualTo(204);
        assertThat(arrivals).singleElement().satisfies(file -> {
            assertThat(file.size()).isEqualTo(4);
            assertThat(file.source()).isEqualTo(UploadSource.API);
            assertThat(file.campaign().campaignFolder()).isEqualTo("sales");
        });
    }

    private HttpRequest.Builder tusCreate(String key, String campaignId) {
        String metadata = "filename " + base64("call.wav") + ",campaignId " + base64(campaignId);
        return server.request("/api/v1/tus", key).header("Tus-Resumable", "1.0.0").header("Upload-Length", "4")
                .header("Upload-Metadata", metadata).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path generateKey(String name) throws Exception {
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 3072);
        Path privateKey = keys.resolve(name);
        pair.writePrivateKey(privateKey.toString());
        ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
        pair.writePublicKey(publicKey, name + "@test");
        Files.write(keys.resolve(name + ".pub"), publicKey.toByteArray());
        pair.dispose();
        return privateKey;
    }

    private String publicKeyLine(Path privateKey) throws Exception {
        return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
    }

    private static Session connect(String username, int port, Path key) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(key.toString());
        Session session = jsch.getSession(username, "127.0.0.1", port);
        session.setConfig("StrictHostKeyChecking", "no");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        return session;
    }
}
