package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.auth.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

class ApiKeyRepositoryTest {

    @OnEachDatabase
    void keysAreFoundByTheHashOfTheirSecretOnly(Store store) {
        Organisation org = store.organisations().create("Acme");
        Campaign campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, true, 0, null));

        ApiKeyRecord orgKey = store.apiKeys().create(org.id(), null, "ops", Role.OWNER, "cp_AAAA", "hash-1");
        ApiKeyRecord campaignKey = store.apiKeys().create(org.id(), campaign.id(), "dialer", Role.MANAGER, "cp_BBBB",
                "hash-2");

        assertThat(store.apiKeys().findBySecretHash("hash-1")).contains(orgKey);
        assertThat(orgKey.isOrganisationWide()).isTrue();
        assertThat(store.apiKeys().findBySecretHash("hash-2").orElseThrow().campaignId()).isEqualTo(campaign.id());
        assertThat(campaignKey.isOrganisationWide()).isFalse();
        assertThat(store.apiKeys().findBySecretHash("hash-3")).isEmpty();
        assertThat(store.apiKeys().list(org.id())).containsExactlyInAnyOrder(orgKey, campaignKey);
    }

    @OnEachDatabase
    void revokingKeepsTheKeyListedWithTheTimeItWasRevoked(Store store) {
        Organisation org = store.organisations().create("Acme");
        Organisation other = store.organisations().create("Globex");
        ApiKeyRecord key = store.apiKeys().create(org.id(), null, "ops", Role.OWNER, "cp_AAAA", "hash-1");

        assertThat(store.apiKeys().revoke(other.id(), key.id())).isFalse();
        assertThat(store.apiKeys().find(org.id(), key.id()).orElseThrow().isRevoked()).isFalse();

        assertThat(store.apiKeys().revoke(org.id(), key.id())).isTrue();
        Instant revokedAt = store.apiKeys().find(org.id(), key.id()).orElseThrow().revokedAt();
        assertThat(revokedAt).isNotNull();
        assertThat(store.apiKeys().revoke(org.id(), key.id())).isTrue();
        assertThat(store.apiKeys().findBySecretHash("hash-1").orElseThrow().revokedAt()).isEqualTo(revokedAt);
        assertThat(store.apiKeys().revoke(org.id(), "key_missing")).isFalse();
    }

    @OnEachDatabase
    void lastUseIsRecordedToTheMillisecond(Store store) {
        Organisation org = store.organisations().create("Acme");
        ApiKeyRecord key = store.apiKeys().create(org.id(), null, "ops", Role.OWNER, "cp_AAAA", "hash-1");
        Instant used = Instant.parse("2026-03-01T10:15:30.123Z");

        store.apiKeys().recordUse(key.id(), used);

        assertThat(store.apiKeys().find(org.id(), key.id()).orElseThrow().lastUsedAt()).isEqualTo(used);
        assertThat(key.createdAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(key.createdAt());
    }
}
