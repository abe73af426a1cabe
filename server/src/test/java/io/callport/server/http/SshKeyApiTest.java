package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callport.server.ApiClient;
import io.callport.server.TestServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SshKeyApiTest {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    static String publicKey(String name) throws IOException {
        try (InputStream in = SshKeyApiTest.class.getResourceAsStream("/ssh-keys/" + name + ".pub")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    /** A new Ed25519 public key in OpenSSH form, so tests do not depend on each other's registrations. */
    static String freshEd25519() {
        try {
            byte[] encoded = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()
                    .getEncoded();
            byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            var blob = new java.io.ByteArrayOutputStream();
            var out = new java.io.DataOutputStream(blob);
            out.writeInt(11);
            out.writeBytes("ssh-ed25519");
            out.writeInt(32);
            out.write(raw);
            return "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(blob.toByteArray()) + " fresh@test";
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String publicKey, String campaignId) {
        var node = JsonNodeFactory.instance.objectNode().put("publicKey", publicKey);
        if (campaignId != null) {
            node.put("campaignId", campaignId);
        }
        return node.toString();
    }

    @Test
    void aPublicKeyGivesSftpCredentials() throws IOException {
        String campaign = server.createCampaign("Recordings");

        ApiClient.Response created = server.post("/api/v1/ssh-keys", server.ownerKey(), body(publicKey("ed25519"),
                campaign));

        assertThat(created.status()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(account.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(account.get("port").asInt()).isEqualTo(server.server().context().ports().sftp());
        assertThat(account.get("username").asText()).matches("cp-default-[a-z0-9]{6}");
        assertThat(account.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(account.get("fingerprint").asText()).isEqualTo("SHA256:bIXOeo+BMYHe1I6SRvXPIUppn8hh116V1m9A02s8zoc");
        assertThat(account.get("algorithm").asText()).isEqualTo("ssh-ed25519");
        assertThat(account.get("comment").asText()).isEqualTo("ed25519@test");
        assertThat(server.server().context().store().sshKeys()
                .findSshKeyByUsername(account.get("username").asText())).isPresent();
    }

    @Test
    void ecdsaAndLargeRsaKeysAreAcceptedForTheOrganisation() throws IOException {
        for (String name : new String[] {"ecdsa256", "ecdsa384", "ecdsa521", "rsa2048", "rsa4096"}) {
            ApiClient.Response created = server.post("/api/v1/ssh-keys", server.ownerKey(), body(publicKey(name),
                    null));
            assertThat(created.status()).as(name).isEqualTo(201);
            assertThat(created.json().get("campaignId").isNull()).isTrue();
        }
        assertThat(server.get("/api/v1/ssh-keys", server.ownerKey()).json().findValuesAsText("algorithm"))
                .contains("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa");
    }

    @Test
    void weakAndMalformedKeysAre400WithTheReason() throws IOException {
        assertRefused(publicKey("dsa"), "DSA (ssh-dss) keys are not accepted");
        assertRefused(publicKey("rsa1024"), "This RSA key has 1024 bits; at least 2048 are required");
        assertRefused("ssh-ed25519 AAAA!!notbase64", "not valid base64");
        String ed25519 = publicKey("ed25519");
        assertRefused(ed25519.substring(0, 40), "ends too early");
        assertRefused(ed25519.replace("ssh-ed25519 ", "ssh-rsa "),
                "says it is ssh-rsa but its data holds a ssh-ed25519");
        assertRefused("-----BEGIN OPENSSH PRIVATE KEY-----", "This is a private key");
        assertRefused("", "Paste the public key");
    }

    @Test
    void theSameKeyCannotOpenTwoAccounts() {
        String key = freshEd25519();
        assertThat(server.post("/api/v1/ssh-keys", server.ownerKey(), body(key, null)).status()).isEqualTo(201);

        ApiClient.Response again = server.post("/api/v1/ssh-keys", server.ownerKey(), body(key,
                server.createCampaign("Again")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("already registered");
    }

    @Test
    void aCampaignKeyRegistersForItsOwnCampaignAndSeesOnlyThoseKeys() {
        String own = server.createCampaign("SSH own");
        String other = server.createCampaign("SSH other");
        String scoped = server.createKey("SENIOR_MANAGER", own);
        ApiClient.Response otherCampaigns = server.post("/api/v1/ssh-keys", server.ownerKey(), body(freshEd25519(),
                other));

        ApiClient.Response created = server.post("/api/v1/ssh-keys", scoped, body(freshEd25519(), null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("campaignId").asText()).as("defaults to the key's campaign").isEqualTo(own);
        assertThat(server.post("/api/v1/ssh-keys", scoped, body(freshEd25519(), other)).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/ssh-keys", scoped).json().findValuesAsText("campaignId")).containsOnly(own);
        assertThat(server.delete("/api/v1/ssh-keys/" + otherCampaigns.json().get("id").asText(), scoped).status())
                .isEqualTo(404);
        assertThat(server.delete("/api/v1/ssh-keys/" + created.json().get("id").asText(), scoped).status())
                .isEqualTo(204);
        assertThat(server.server().context().store().sshKeys()
                .findSshKeyByFingerprint(created.json().get("fingerprint").asText())).isEmpty();
    }

    @Test
    void aManagerCannotConfigureSftp() {
        String manager = server.createKey("MANAGER", null);

        assertThat(server.post("/api/v1/ssh-keys", manager, body(freshEd25519(), null)).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/ssh-keys", manager).status()).isEqualTo(403);
    }

    private static void assertRefused(String publicKey, String reason) {
        ApiClient.Response response = server.post("/api/v1/ssh-keys", server.ownerKey(), body(publicKey, null));
        assertThat(response.status()).as(publicKey).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains(reason);
    }
}
