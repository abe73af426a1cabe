package io.callport.service;

import io.callport.service.api.Campaign;
import io.callport.service.api.SftpAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Sets a profile up the way the Connect screen and {@code callport profile add} both do: the key is tested against
 * the server, and a profile that sends by SFTP has its SSH key registered so it knows its SFTP account.
 */
public final class ProfileSetup {
    private final Profiles profiles;
    private final KeyService keys;

    public ProfileSetup(Profiles profiles, KeyService keys) {
        this.profiles = profiles;
        this.keys = keys;
    }

    /**
     * Registers a public key for the connected profile's campaign and makes the profile send by SFTP with the key's
     * private half.
     *
     * @return the profile as saved
     */
    public Profile registerSshKey(Connection connection, Path privateKey, String publicKey) throws IOException {
        SftpAccess account = connection.client().registerSshKey(publicKey, connection.profile().campaignId());
        Profile updated = connection.profile().withSftp(privateKey, account).withTransport(Transport.SFTP);
        profiles.save(updated, null);
        return updated;
    }

    /** The campaigns the key reaches; a refused key or an unreachable server throws with the reason. */
    public List<Campaign> test(String url, String apiKey) throws IOException {
        return new ServerClient(url, apiKey).campaigns();
    }

    /**
     * Registers the profile's SSH key when it sends by SFTP and the key has no account yet (or another key's), then
     * saves the profile with its API key and makes it the one used.
     *
     * @return the profile as saved, with its SFTP account
     */
    public Profile save(Profile profile, String apiKey) throws IOException {
        Profile saved = profile;
        if (profile.transport() == Transport.SFTP) {
            if (profile.sshKey() == null) {
                throw new IOException("Sending by SFTP needs an SSH key; create one on the Keys screen or send over "
                        + "HTTPS.");
            }
            String publicKey = keys.publicKeyOf(profile.sshKey());
            SftpAccess account = profile.sftp();
            if (account == null || !KeyService.fingerprintOfPublicKey(publicKey).equals(account.fingerprint())
                    || !java.util.Objects.equals(account.campaignId(), profile.campaignId())) {
                account = new ServerClient(profile.url(), apiKey).registerSshKey(publicKey, profile.campaignId());
            }
            saved = profile.withSftp(profile.sshKey(), account);
        }
        profiles.save(saved, apiKey);
        profiles.markUsed(saved.name());
        return saved;
    }
}
