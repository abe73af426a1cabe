package io.callport.service;

import io.callport.service.api.SftpAccess;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A server the Uploader sends to, as the person set it up. The API key is not part of it: it lives in the
 * computer's credential store (see {@link Profiles}).
 *
 * @param name         what the person calls it, unique among the profiles
 * @param url          the server's address, normalised
 * @param campaignId   the campaign uploads go to unless another is chosen; may be null
 * @param campaignName that campaign's name when it was chosen, to show without asking the server
 * @param transport    SFTP or HTTP
 * @param sshKey       the private key SFTP logs in with; may be null
 * @param sftp         the SFTP account the server gave for that key; null until it is registered
 * @param watchFolder  a folder whose new recordings and CSVs are uploaded as they appear; may be null
 */
public record Profile(String name, String url, String campaignId, String campaignName, Transport transport,
                      Path sshKey, SftpAccess sftp, Path watchFolder) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        transport = transport == null ? Transport.HTTP : transport;
    }

    public static Profile of(String name, String url) {
        return new Profile(name, ServerClient.normalizeUrl(url), null, null, Transport.HTTP, null, null, null);
    }

    public Profile withCampaign(String id, String campaignName) {
        return new Profile(name, url, id, campaignName, transport, sshKey, sftp, watchFolder);
    }

    public Profile withTransport(Transport newTransport) {
        return new Profile(name, url, campaignId, campaignName, newTransport, sshKey, sftp, watchFolder);
    }

    /** The key SFTP logs in with and the account the server opened for it. */
    public Profile withSftp(Path key, SftpAccess account) {
        return new Profile(name, url, campaignId, campaignName, transport, key, account, watchFolder);
    }

    public Profile withWatchFolder(Path folder) {
        return new Profile(name, url, campaignId, campaignName, transport, sshKey, sftp, folder);
    }
}
