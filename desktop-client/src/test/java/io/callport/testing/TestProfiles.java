package io.callport.testing;

import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.service.Transport;
import io.callport.service.api.SftpAccess;
import java.nio.file.Path;

/** Profiles for a test server: over HTTP with the owner key, or over SFTP with a new key registered for a campaign. */
public final class TestProfiles {
    private TestProfiles() {
    }

    public static Profile http(CallportTestServer server, String campaignId) {
        return Profile.of("test", server.url()).withCampaign(campaignId, "Test campaign").withTransport(Transport.HTTP);
    }

    /** Generates an Ed25519 key in {@code folder}, registers it for the campaign, and returns the SFTP profile. */
    public static Profile sftp(CallportTestServer server, String campaignId, Path folder) throws Exception {
        KeyService keys = new KeyService();
        GeneratedKey key = keys.generate(KeyType.ED25519, "test@callport", null);
        Path privateKey = folder.resolve("id_ed25519");
        keys.save(key, privateKey);
        SftpAccess account = new ServerClient(server.url(), server.ownerKey()).registerSshKey(key.publicKey(),
                campaignId);
        return http(server, campaignId).withTransport(Transport.SFTP).withSftp(privateKey, account);
    }

    public static ServerClient client(CallportTestServer server) {
        return new ServerClient(server.url(), server.ownerKey());
    }
}
