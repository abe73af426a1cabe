package io.callport.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.testsupport.MutableClock;
import io.callport.server.store.Database;
import io.callport.server.store.OnEachDatabase;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    @OnEachDatabase
    void aSecretAuthenticatesAsItsKeyAndLastUseIsWrittenAtMostOncePerMinute(Database database) {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        Store store = Store.on(database, clock);
        ApiKeyService service = new ApiKeyService(store.apiKeys(), clock);
        Organisation org = store.organisations().create("Acme");
        ApiKeyService.Issued issued = service.issue(org.id(), null, "ops", Role.SENIOR_MANAGER);

        Principal principal = service.authenticate(issued.secret());
        java.time.Instant firstUse = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        service.authenticate(issued.secret());

        assertThat(principal).isEqualTo(new Principal(org.id(), issued.key().id(), null, Role.SENIOR_MANAGER));
        assertThat(store.apiKeys().find(org.id(), issued.key().id()).orElseThrow().lastUsedAt()).isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(31));
        service.authenticate(issued.secret());
        assertThat(store.apiKeys().find(org.id(), issued.key().id()).orElseThrow().lastUsedAt())
                .isEqualTo(clock.instant());
    }

    @OnEachDatabase
    void revokedAndUnknownSecretsAreRefused(Store store) {
        ApiKeyService service = new ApiKeyService(store.apiKeys(), java.time.Clock.systemUTC());
        Organisation org = store.organisations().create("Acme");
        ApiKeyService.Issued issued = service.issue(org.id(), null, "ops", Role.OWNER);
        store.apiKeys().revoke(org.id(), issued.key().id());

        assertThatThrownBy(() -> service.authenticate(issued.secret())).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("This API key was revoked on");
        assertThatThrownBy(() -> service.authenticate(ApiKeySecrets.generate()))
                .hasMessage("The API key is not valid.");
    }

    @Test
    void theSecretNeverAppearsInTheIssuedValuesText() {
        ApiKeyService.Issued issued = new ApiKeyService.Issued(null, "cp_" + "s".repeat(43));

        assertThat(issued.toString()).doesNotContain("sss").contains("hidden");
    }

    @Test
    void secretsHaveTheDocumentedShapeAndHashStably() {
        String secret = ApiKeySecrets.generate();

        assertThat(ApiKeySecrets.hasValidShape(secret)).isTrue();
        assertThat(ApiKeySecrets.hasValidShape(secret + "x")).isFalse();
        // what `printf cp_abc | sha256sum` prints
        assertThat(ApiKeySecrets.sha256("cp_abc"))
                .isEqualTo("dabf585161eeac26f4f6338632728a6858706f3af768ae07a8b1806af4baf2a6");
        assertThat(ApiKeySecrets.visiblePrefix(secret)).isEqualTo(secret.substring(0, 9));
    }
}
