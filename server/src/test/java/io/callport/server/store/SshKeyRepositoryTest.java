package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshKeyRepositoryTest {
    private static final SshKeyMaterial KEY = new SshKeyMaterial("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA",
            "SHA256:abc", "ssh-ed25519", 256, "ann@laptop");

    @OnEachDatabase
    void aKeyOpensAnAccountNamedAfterTheOrganisation(Store store) {
        Organisation org = store.organisations().create("Acme Contact Centres International");
        Campaign campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, true, 0, null));

        SshKeyRecord record = store.sshKeys().create(org, campaign.id(), KEY);

        assertThat(record.sftpUsername()).matches("cp-acme-contact-centres-[a-z0-9]{6}");
        assertThat(record.campaignId()).isEqualTo(campaign.id());
        assertThat(store.sshKeys().findSshKeyByFingerprint("SHA256:abc")).contains(record);
        assertThat(store.sshKeys().findSshKeyByUsername(record.sftpUsername())).contains(record);
        assertThat(store.sshKeys().findSshKeyByUsername("cp-acme-nobody")).isEmpty();
        assertThat(store.sshKeys().list(org.id())).containsExactly(record);
    }

    @OnEachDatabase
    void aKeyCanBeRegisteredOnlyOnce(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");
        store.sshKeys().create(acme, null, KEY);

        assertThatThrownBy(() -> store.sshKeys().create(globex, null, KEY))
                .isInstanceOf(DuplicateException.class).hasMessageContaining("(SHA256:abc) is already registered");
    }

    @OnEachDatabase
    void deletingAKeyClosesItsAccountButOnlyForItsOwnOrganisation(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");
        SshKeyRecord record = store.sshKeys().create(acme, null, KEY);

        assertThat(store.sshKeys().delete(globex.id(), record.id())).isFalse();
        assertThat(store.sshKeys().findSshKeyByFingerprint("SHA256:abc")).isPresent();

        assertThat(store.sshKeys().delete(acme.id(), record.id())).isTrue();
        assertThat(store.sshKeys().findSshKeyByFingerprint("SHA256:abc")).isEmpty();
        assertThat(store.sshKeys().list(acme.id())).isEmpty();
    }
}
