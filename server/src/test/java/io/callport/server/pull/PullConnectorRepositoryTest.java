package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.naming.FileNameConvention;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.store.Campaign;
import io.callport.server.store.CampaignSettings;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.DuplicateException;
import io.callport.server.store.InvalidValueException;
import io.callport.server.store.OnEachDatabase;
import io.callport.server.store.Organisation;
import io.callport.server.store.Sql;
import io.callport.server.store.Store;
import io.callport.server.store.PickingRule;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

class PullConnectorRepositoryTest {
    private static final CredentialCipher CIPHER = CredentialCipher.fromBase64(CredentialCipher.generateKey());
    private static final SftpSite SFTP = new SftpSite("sftp.customer.example", 22, "recorder", "/depot/audio/");

    @OnEachDatabase
    void storesSettingsAndKeepsCredentialsOutOfEveryRead(Database database) throws Exception {
        Fixture f = new Fixture(database);
        ConnectorSettings settings = ConnectorSettings.of("Recorder SFTP", SFTP)
                .withDateFolders(new DateFolders("yyyy_MM_dd"), 3)
                .withSchedule(Schedule.parse("0 */2 * * *"), ZoneId.of("Europe/Paris"))
                .withPicking(PickingRule.parse("5 per agent"), FileNameConvention.preset(
                        FileNameConvention.RECORDER_PRESET))
                .withTransfers(Duration.ofSeconds(90), 2);

        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), settings,
                Credentials.password("hunter2-pass"));

        assertThat(created.settings()).isEqualTo(settings);
        assertThat(created.settings().site()).isEqualTo(new SftpSite("sftp.customer.example", 22, "recorder",
                "/depot/audio"));
        assertThat(created.campaignFolder()).isEqualTo(new CampaignFolder(f.org.slug(), "sales"));
        assertThat(created.enabled()).isTrue();
        assertThat(created.status()).isEqualTo(ConnectorStatus.NEVER_RUN);
        assertThat(created.toString()).doesNotContain("hunter2");
        assertThat(f.connectors.list(f.org.id())).containsExactly(created);
        assertThat(f.connectors.listForCampaign(f.org.id(), f.campaign.id())).containsExactly(created);
        assertThat(f.connectors.credentials(created.id())).isEqualTo(Credentials.password("hunter2-pass"));
        String stored = database.read(c -> Sql.one(c, "SELECT credentials_encrypted FROM pull_connectors",
                row -> row.getString(1))).orElseThrow();
        assertThat(stored).startsWith("v1:").doesNotContain("hunter2");
    }

    @OnEachDatabase
    void anotherOrganisationSeesNothing(Database database) {
        Fixture f = new Fixture(database);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("A", SFTP),
                Credentials.password("p"));
        Organisation other = f.store.organisations().create("Globex");

        assertThat(f.connectors.find(other.id(), created.id())).isEmpty();
        assertThat(f.connectors.list(other.id())).isEmpty();
        assertThat(f.connectors.delete(other.id(), created.id())).isFalse();
        assertThatThrownBy(() -> f.connectors.create(other.id(), f.campaign.id(), ConnectorSettings.of("B", SFTP),
                Credentials.password("p"))).isInstanceOf(InvalidValueException.class)
                .hasMessage("There is no campaign '" + f.campaign.id() + "' in this organisation.");
    }

    @OnEachDatabase
    void namesAreUniqueAndCredentialsMustFitTheSite(Database database) {
        Fixture f = new Fixture(database);
        f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("Recorder", SFTP),
                Credentials.password("p"));

        assertThatThrownBy(() -> f.connectors.create(f.org.id(), f.campaign.id(),
                ConnectorSettings.of("Recorder", SFTP), Credentials.password("p")))
                .isInstanceOf(DuplicateException.class).hasMessage("Another connector is already named 'Recorder'.");
        assertThatThrownBy(() -> f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("Key", SFTP),
                Credentials.none())).isInstanceOf(InvalidValueException.class)
                .hasMessage("The SFTP connector needs a password or a private key.");
        S3Site bucket = new S3Site("recordings", "calls", null, URI.create("https://s3.example.com"));
        assertThatThrownBy(() -> f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("S3", bucket),
                Credentials.accessKey("AKIA", null))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("both the S3 access key and the secret key");
        assertThat(f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("S3", bucket),
                Credentials.none()).settings().site()).isEqualTo(bucket);
    }

    @OnEachDatabase
    void updatingKeepsCredentialsUnlessGivenAndANewServerDropsThePin(Database database) throws Exception {
        Fixture f = new Fixture(database);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("R", SFTP),
                Credentials.password("first"));
        f.connectors.pinFirstSeen(created.id(), "SHA256:first");
        f.connectors.pinFirstSeen(created.id(), "SHA256:second");

        PullConnector renamed = f.connectors.update(f.org.id(), created.id(),
                ConnectorSettings.of("Renamed", SFTP), null).orElseThrow();
        assertThat(renamed.pinnedFingerprint()).isEqualTo("SHA256:first");
        assertThat(f.connectors.credentials(created.id())).isEqualTo(Credentials.password("first"));

        SftpSite moved = new SftpSite("sftp2.customer.example", 22, "recorder", "/depot/audio");
        PullConnector repointed = f.connectors.update(f.org.id(), created.id(),
                ConnectorSettings.of("Renamed", moved), Credentials.password("second")).orElseThrow();
        assertThat(repointed.pinnedFingerprint()).isNull();
        assertThat(f.connectors.credentials(created.id())).isEqualTo(Credentials.password("second"));
        assertThat(f.connectors.update(f.org.id(), "pull_none", ConnectorSettings.of("X", SFTP), null)).isEmpty();
    }

    @OnEachDatabase
    void runsAreRecordedAndAConfirmedFingerprintClearsTheError(Database database) {
        Fixture f = new Fixture(database);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("R", SFTP),
                Credentials.password("p"));
        java.time.Instant first = java.time.Instant.parse("2026-02-11T10:00:00Z");
        PullException changed = PullException.hostKeyChanged("key changed", "SHA256:offered", null);

        assertThat(f.connectors.recordFailure(created.id(), first, changed)).isEqualTo(1);
        assertThat(f.connectors.recordFailure(created.id(), first.plusSeconds(60), changed)).isEqualTo(2);
        f.connectors.recordNextRun(created.id(), first.plusSeconds(180));
        assertThat(f.connectors.find(f.org.id(), created.id()).orElseThrow().status()).isEqualTo(
                new ConnectorStatus(first.plusSeconds(60), null, PullFailure.HOST_KEY_CHANGED, "key changed",
                        "SHA256:offered", 2, first.plusSeconds(180)));

        assertThatThrownBy(() -> f.connectors.confirmFingerprint(f.org.id(), created.id(), "abc"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(f.connectors.confirmFingerprint(f.org.id(), created.id(), "SHA256:new")).isTrue();
        PullConnector confirmed = f.connectors.find(f.org.id(), created.id()).orElseThrow();
        assertThat(confirmed.pinnedFingerprint()).isEqualTo("SHA256:new");
        assertThat(confirmed.status().failing()).isFalse();
        assertThat(confirmed.status().offeredFingerprint()).isNull();

        f.connectors.recordSuccess(created.id(), first.plusSeconds(300));
        assertThat(f.connectors.find(f.org.id(), created.id()).orElseThrow().status().lastSuccessAt())
                .isEqualTo(first.plusSeconds(300));
    }

    @OnEachDatabase
    void anFtpSiteKeepsItsModeAndOneStoredBeforeModesExistedIsPassive(Database database) {
        Fixture f = new Fixture(database);
        FtpSite active = new FtpSite("ftp.customer.example", 21, "recorder", "depot", false, FtpMode.ACTIVE);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("F", active),
                Credentials.password("p"));
        assertThat(f.connectors.find(f.org.id(), created.id()).orElseThrow().settings().site()).isEqualTo(active);

        database.transaction(c -> Sql.update(c, "UPDATE pull_connectors SET settings_json = REPLACE(settings_json, "
                + "',\"mode\":\"ACTIVE\"', '') WHERE id = ?", created.id()));
        String stored = database.read(c -> Sql.one(c, "SELECT settings_json FROM pull_connectors",
                row -> row.getString(1))).orElseThrow();
        assertThat(stored).as("as written before the mode existed").doesNotContain("mode");
        assertThat(((FtpSite) f.connectors.find(f.org.id(), created.id()).orElseThrow().settings().site()).mode())
                .isEqualTo(FtpMode.PASSIVE);
    }

    @OnEachDatabase
    void anS3ConnectorSwitchedToTheDefaultCredentialsKeepsNoKeys(Database database) throws Exception {
        Fixture f = new Fixture(database);
        S3Site bucket = new S3Site("recordings", "calls", "eu-west-3", null);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("S3", bucket),
                Credentials.accessKey("AKIA1", "secret1"));
        assertThat(created.defaultCredentials()).isFalse();

        PullConnector onChain = f.connectors.update(f.org.id(), created.id(), created.settings(), Credentials.none())
                .orElseThrow();

        assertThat(onChain.defaultCredentials()).isTrue();
        assertThat(f.connectors.credentials(created.id())).isEqualTo(Credentials.none());
        PullConnector renamed = f.connectors.update(f.org.id(), created.id(), ConnectorSettings.of("S3 renamed",
                bucket), null).orElseThrow();
        assertThat(renamed.defaultCredentials()).as("a change without secrets keeps none").isTrue();
    }

    @OnEachDatabase
    void anotherCredentialKeyCannotReadTheCredentials(Database database) {
        Fixture f = new Fixture(database);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("R", SFTP),
                Credentials.password("p"));
        PullConnectorRepository withOtherKey = new PullConnectorRepository(database, Clock.systemUTC(),
                CredentialCipher.fromBase64(CredentialCipher.generateKey()));

        assertThatThrownBy(() -> withOtherKey.credentials(created.id())).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.failure()).isEqualTo(PullFailure.CREDENTIALS_UNREADABLE));
    }

    @OnEachDatabase
    void disablingAndDeletingTakeItOffTheSchedule(Database database) {
        Fixture f = new Fixture(database);
        PullConnector created = f.connectors.create(f.org.id(), f.campaign.id(), ConnectorSettings.of("R", SFTP),
                Credentials.password("p"));
        new PullLedger(database, Clock.systemUTC()).notPicked(created.id(), java.util.List.of(new RemoteFile("a.mp3", 1, null)));

        assertThat(f.connectors.setEnabled(f.org.id(), created.id(), false)).isTrue();
        assertThat(f.connectors.listEnabled()).isEmpty();
        assertThat(f.connectors.delete(f.org.id(), created.id())).isTrue();
        assertThat(f.connectors.find(f.org.id(), created.id())).isEmpty();
        int left = database.read(c -> Sql.one(c, "SELECT COUNT(*) FROM pulled_files", row -> row.getInt(1)))
                .orElseThrow();
        assertThat(left).isZero();
    }

    private static final class Fixture {
        final Store store;
        final Organisation org;
        final Campaign campaign;
        final PullConnectorRepository connectors;

        Fixture(Database database) {
            store = Store.on(database, Clock.systemUTC());
            org = store.organisations().create("Acme");
            campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, false, 0, null));
            connectors = new PullConnectorRepository(database, Clock.systemUTC(), CIPHER);
        }
    }
}
