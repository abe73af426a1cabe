package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.store.CampaignSettings;
import io.callport.server.store.Database;
import io.callport.server.store.OnEachDatabase;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import java.time.Clock;
import java.time.Instant;

class PullLedgerTest {
    private static final Instant LISTED = Instant.parse("2026-02-11T08:00:17.123456Z");

    @OnEachDatabase
    void remembersEachFileVersionAndCountsOnlyTheFilesOwnFailures(Database database) {
        String connector = connector(database);
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());
        RemoteFile file = new RemoteFile("20260211/call.mp3", 100, LISTED);

        ledger.pending(connector, file);
        ledger.interrupted(connector, file.path(), 40, "connection reset");
        ledger.failed(connector, file.path(), 40, "permission denied");

        LedgerEntry entry = ledger.find(connector, file.path()).orElseThrow();
        assertThat(entry.state()).isEqualTo(PullState.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.fetchedBytes()).isEqualTo(40);
        assertThat(entry.lastError()).isEqualTo("permission denied");
        assertThat(entry.sameVersionAs(file)).isTrue();
        assertThat(entry.sameVersionAs(new RemoteFile(file.path(), 101, LISTED))).isFalse();

        for (int i = 1; i < PullLedger.MAX_FAILED_ATTEMPTS; i++) {
            ledger.pending(connector, file);
            ledger.failed(connector, file.path(), 0, "permission denied");
        }
        assertThat(ledger.find(connector, file.path()).orElseThrow().state()).isEqualTo(PullState.FAILED);

        // a new version of the file starts afresh
        ledger.pending(connector, new RemoteFile(file.path(), 120, LISTED.plusSeconds(60)));
        assertThat(ledger.find(connector, file.path()).orElseThrow().attempts()).isZero();
    }

    @OnEachDatabase
    void keepsTheLastContentHashWhileANewVersionIsPending(Database database) {
        String connector = connector(database);
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());
        RemoteFile first = new RemoteFile("20260211/a.mp3", 3, LISTED);
        ledger.pending(connector, first);
        ledger.fetched(connector, first.path(), 3, "abc");
        ledger.delivered(connector, first.path());

        ledger.pending(connector, new RemoteFile(first.path(), 3, LISTED.plusSeconds(5)));
        LedgerEntry pending = ledger.find(connector, first.path()).orElseThrow();
        assertThat(pending.state()).isEqualTo(PullState.PENDING);
        assertThat(pending.sha256()).isEqualTo("abc");

        ledger.unchanged(connector, first.path(), 3, "abc");
        assertThat(ledger.find(connector, first.path()).orElseThrow().lastError())
                .isEqualTo("content unchanged since it was last fetched");
        assertThat(ledger.counts(connector)).containsEntry(PullState.UNCHANGED, 1)
                .containsEntry(PullState.DELIVERED, 0);
        assertThat(ledger.list(connector, PullState.UNCHANGED, 10)).extracting(LedgerEntry::path)
                .containsExactly(first.path());
    }

    private static String connector(Database database) {
        Store store = Store.on(database, Clock.systemUTC());
        Organisation org = store.organisations().create("Acme");
        String campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, false, 0, null)).id();
        return new PullConnectorRepository(database, Clock.systemUTC(),
                CredentialCipher.fromBase64(CredentialCipher.generateKey())).create(org.id(), campaign,
                ConnectorSettings.of("R", new SftpSite("h", 22, "u", "")), Credentials.password("p")).id();
    }
}
