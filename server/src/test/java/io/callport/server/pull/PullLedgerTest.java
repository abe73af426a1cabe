package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.testsupport.MutableClock;
import io.callport.server.store.CampaignSettings;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.OnEachDatabase;
import io.callport.server.store.Organisation;
import io.callport.server.store.Sql;
import io.callport.server.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class PullLedgerTest {
    private static final Instant LISTED = Instant.parse("2026-02-11T08:00:17.123456Z");

    @OnEachDatabase
    void remembersEachFileVersionAndCountsOnlyTheFilesOwnFailures(Database database) {
        String connector = connector(database);
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());
        RemoteFile file = new RemoteFile("20260211/call.mp3", 100, LISTED);

        ledger.interrupted(connector, file, 40, "connection reset");
        ledger.failed(connector, file, 40, "permission denied");

        LedgerEntry entry = ledger.find(connector, file.path()).orElseThrow();
        assertThat(entry.state()).isEqualTo(PullState.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.fetchedBytes()).isEqualTo(40);
        assertThat(entry.lastError()).isEqualTo("permission denied");
        assertThat(entry.sameVersionAs(file)).isTrue();
        assertThat(entry.sameVersionAs(new RemoteFile(file.path(), 101, LISTED))).isFalse();

        for (int i = 1; i < PullLedger.MAX_FAILED_ATTEMPTS; i++) {
            ledger.failed(connector, file, 0, "permission denied");
        }
        assertThat(ledger.find(connector, file.path()).orElseThrow().state()).isEqualTo(PullState.FAILED);

        // a new version of the file starts afresh
        ledger.failed(connector, new RemoteFile(file.path(), 120, LISTED.plusSeconds(60)), 0, "permission denied");
        LedgerEntry newVersion = ledger.find(connector, file.path()).orElseThrow();
        assertThat(newVersion.attempts()).isEqualTo(1);
        assertThat(newVersion.state()).isEqualTo(PullState.PENDING);
        assertThat(newVersion.size()).isEqualTo(120);
    }

    @OnEachDatabase
    void keepsTheLastContentHashWhileANewVersionIsPending(Database database) {
        String connector = connector(database);
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());
        RemoteFile first = new RemoteFile("20260211/a.mp3", 3, LISTED);
        RemoteFile other = new RemoteFile("20260211/b.mp3", 4, LISTED);
        ledger.fetched(connector, List.of(new PullLedger.FetchedFile(first, "abc", false),
                new PullLedger.FetchedFile(other, "def", false)));
        assertThat(ledger.list(connector, PullState.FETCHED, 10)).extracting(LedgerEntry::path)
                .containsExactly(first.path(), other.path());
        ledger.delivered(connector, List.of(first.path(), other.path()));

        RemoteFile touched = new RemoteFile(first.path(), 3, LISTED.plusSeconds(5));
        ledger.interrupted(connector, touched, 1, "connection reset");
        LedgerEntry pending = ledger.find(connector, first.path()).orElseThrow();
        assertThat(pending.state()).isEqualTo(PullState.PENDING);
        assertThat(pending.sha256()).isEqualTo("abc");

        ledger.fetched(connector, List.of(new PullLedger.FetchedFile(touched, "abc", true)));
        LedgerEntry unchanged = ledger.find(connector, first.path()).orElseThrow();
        assertThat(unchanged.state()).isEqualTo(PullState.UNCHANGED);
        assertThat(unchanged.lastError()).isEqualTo("content unchanged since it was last fetched");
        assertThat(unchanged.modifiedAt()).isEqualTo(LedgerEntry.truncated(touched.modified()));
        assertThat(ledger.counts(connector)).containsEntry(PullState.UNCHANGED, 1)
                .containsEntry(PullState.DELIVERED, 1).containsEntry(PullState.PENDING, 0);
    }

    @OnEachDatabase
    void filesLeftOutByPickingAreRecordedTogether(Database database) {
        String connector = connector(database);
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());

        ledger.notPicked(connector, List.of(new RemoteFile("a.mp3", 1, LISTED), new RemoteFile("b.mp3", 2, null)));

        assertThat(ledger.list(connector, PullState.NOT_PICKED, 10)).extracting(LedgerEntry::path, LedgerEntry::size,
                LedgerEntry::modifiedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.mp3", 1L, LedgerEntry.truncated(LISTED)),
                org.assertj.core.groups.Tuple.tuple("b.mp3", 2L, null));
    }

    @OnEachDatabase
    void pagesListTheMostRecentlyChangedFilesFirst(Database database) {
        String connector = connector(database);
        MutableClock clock = new MutableClock(LISTED);
        PullLedger ledger = new PullLedger(database, clock);
        ledger.notPicked(connector, List.of(new RemoteFile("a.mp3", 1, LISTED), new RemoteFile("b.mp3", 1, LISTED)));
        clock.advance(java.time.Duration.ofMinutes(1));
        ledger.failed(connector, new RemoteFile("c.mp3", 1, LISTED), 0, "permission denied");
        clock.advance(java.time.Duration.ofMinutes(1));
        ledger.fetched(connector, List.of(new PullLedger.FetchedFile(new RemoteFile("d.mp3", 1, LISTED), "abc",
                false)));

        assertThat(ledger.recent(connector, null, 0, 10)).extracting(LedgerEntry::path)
                .containsExactly("d.mp3", "c.mp3", "a.mp3", "b.mp3");
        assertThat(ledger.recent(connector, null, 1, 2)).extracting(LedgerEntry::path)
                .containsExactly("c.mp3", "a.mp3");
        assertThat(ledger.recent(connector, PullState.NOT_PICKED, 0, 10)).extracting(LedgerEntry::path)
                .containsExactly("a.mp3", "b.mp3");
        assertThat(ledger.recent(connector, PullState.PENDING, 0, 10)).singleElement()
                .extracting(LedgerEntry::lastError).isEqualTo("permission denied");
    }

    @OnEachDatabase
    void tellsWhichFilesOfACampaignFolderItsConnectorsFetched(Database database) {
        String connector = connector(database);
        String campaign = database.read(c -> Sql.one(c, "SELECT campaign_id FROM pull_connectors WHERE id = ?",
                row -> row.getString(1), connector)).orElseThrow();
        PullLedger ledger = new PullLedger(database, Clock.systemUTC());
        ledger.fetched(connector, List.of(new PullLedger.FetchedFile(new RemoteFile("20260211/a.mp3", 3, LISTED),
                "aaa", false), new PullLedger.FetchedFile(new RemoteFile("20260211/b.mp3", 3, LISTED), "bbb", false)));
        ledger.notPicked(connector, List.of(new RemoteFile("20260211/c.mp3", 3, LISTED)));

        assertThat(ledger.fetchedInto(campaign, Map.of("20260211/a.mp3", "aaa", "20260211/b.mp3", "other content",
                "20260211/c.mp3", "ccc", "20260211/d.mp3", "ddd"))).as("the same path with the same content")
                .containsExactly("20260211/a.mp3");
        assertThat(ledger.fetchedInto("cmp_other", Map.of("20260211/a.mp3", "aaa"))).isEmpty();
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
