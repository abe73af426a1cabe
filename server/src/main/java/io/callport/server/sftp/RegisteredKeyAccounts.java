package io.callport.server.sftp;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.LandingArea;
import io.callport.server.store.Campaign;
import io.callport.server.store.Organisation;
import io.callport.server.store.SshKeyRecord;
import io.callport.server.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * SFTP logins against the SSH keys registered through the API: the username names the account, and the key
 * offered must be the one registered for it. An account's campaign folders are created on login, so an
 * organisation key sees one folder per campaign, including campaigns created since its last login.
 */
public final class RegisteredKeyAccounts implements SftpAccounts {
    private final Store store;
    private final LandingArea landing;

    public RegisteredKeyAccounts(Store store, LandingArea landing) {
        this.store = store;
        this.landing = landing;
    }

    @Override
    public Optional<SftpAccount> authenticate(String username, PublicKey key) {
        String offered = KeyUtils.getFingerPrint(key);
        return store.sshKeys().findSshKeyByUsername(username)
                .filter(registered -> registered.key().fingerprint().equals(offered))
                .flatMap(this::accountOf);
    }

    private Optional<SftpAccount> accountOf(SshKeyRecord registered) {
        Optional<Organisation> organisation = store.organisations().find(registered.orgId());
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        String orgFolder = organisation.get().slug();
        if (registered.isOrganisationWide()) {
            store.campaigns().list(registered.orgId()).forEach(campaign -> ensureFolder(orgFolder, campaign));
            return Optional.of(SftpAccount.forOrganisation(registered.sftpUsername(), orgFolder));
        }
        return store.campaigns().find(registered.orgId(), registered.campaignId())
                .map(campaign -> SftpAccount.forCampaign(registered.sftpUsername(), ensureFolder(orgFolder, campaign)));
    }

    private CampaignFolder ensureFolder(String orgFolder, Campaign campaign) {
        CampaignFolder folder = new CampaignFolder(orgFolder, campaign.folder());
        try {
            landing.campaignDir(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }
}
