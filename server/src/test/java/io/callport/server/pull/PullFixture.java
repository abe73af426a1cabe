package io.callport.server.pull;

import io.callport.testsupport.MutableClock;
import io.callport.server.store.Campaign;
import io.callport.server.store.CampaignSettings;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import io.callport.server.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A migrated SQLite database with an organisation and a campaign (folder {@code sales}), connector repository, ledger,
 * staging folder and a folder sink; {@link #restart()} reopens the database as a restarted server would.
 */
final class PullFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-02-12T12:00:00Z");

    final MutableClock clock;
    final CredentialCipher cipher = CredentialCipher.fromBase64(CredentialCipher.generateKey());
    final Path staging;
    final FolderSink sink;
    private final TestDatabases.Disposable disposable;
    private Database database;
    final String orgId;
    final Campaign campaign;
    PullConnectorRepository connectors;
    PullLedger ledger;

    PullFixture(Path folder) {
        this(folder, NOW);
    }

    PullFixture(Path folder, Instant now) {
        clock = new MutableClock(now);
        disposable = TestDatabases.sqlite();
        database = disposable.database();
        staging = folder.resolve("staging");
        sink = new FolderSink(folder.resolve("delivered"));
        Store store = Store.on(database, clock);
        Organisation org = store.organisations().create("Acme");
        orgId = org.id();
        campaign = store.campaigns().create(orgId, new CampaignSettings("Sales", null, false, 0, null));
        open();
    }

    PullConnector create(ConnectorSettings settings, Credentials credentials) {
        return connectors.create(orgId, campaign.id(), settings, credentials);
    }

    PullRunner runner(PullConnector connector) {
        return new PullRunner(connector.id(), connectors, ledger, sink, staging, clock);
    }

    PullConnector reload(PullConnector connector) {
        return connectors.find(orgId, connector.id()).orElseThrow();
    }

    /** Closes the database and opens it again from its file, with new repositories. */
    void restart() {
        if (database != disposable.database()) {
            database.close();
        }
        database = Database.open(disposable.url(), null, null);
        open();
    }

    private void open() {
        connectors = new PullConnectorRepository(database, clock, cipher);
        ledger = new PullLedger(database, clock);
    }

    @Override
    public void close() {
        if (database != disposable.database()) {
            database.close();
        }
        disposable.close();
    }
}
