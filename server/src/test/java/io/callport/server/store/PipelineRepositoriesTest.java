package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

class PipelineRepositoriesTest {
    private static final CredentialCipher SECRETS = CredentialCipher.fromBase64(CredentialCipher.generateKey());

    private record Fixture(Store store, PipelineStore pipeline, Database database, Organisation org,
                           Campaign campaign) {
    }

    private static Fixture fixture(Database database) {
        Store store = Store.on(database, Clock.systemUTC());
        Organisation org = store.organisations().create("Acme");
        Campaign campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, true, 300, null));
        return new Fixture(store, PipelineStore.on(database, Clock.systemUTC(), "test", SECRETS), database, org,
                campaign);
    }

    @OnEachDatabase
    void aCampaignHasOneOpenBatchWhoseWindowSlides(Database database) {
        Fixture f = fixture(database);
        Instant now = Instant.now();
        IngestBatch first = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), now.plusSeconds(300)));
        IngestBatch same = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), now.plusSeconds(400)));
        IngestBatch notEarlier = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), now.plusSeconds(10)));

        assertThat(same.id()).isEqualTo(first.id());
        assertThat(notEarlier.windowClosesAt()).isEqualTo(Instant.ofEpochMilli(now.plusSeconds(400).toEpochMilli()));
        assertThat(first.status()).isEqualTo(BatchStatus.DETECTING);

        database.transaction(c -> {
            f.pipeline().batches().close(c, first.id());
            return null;
        });
        IngestBatch next = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), now.plusSeconds(300)));
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(f.pipeline().batches().find(f.org().id(), first.id()).orElseThrow().open()).isFalse();
        assertThat(f.pipeline().batches().find("another-org", first.id())).isEmpty();
    }

    @OnEachDatabase
    void arrivalsAreRecordedOnceAndDuplicatesFoundAmongAcceptedFiles(Database database) {
        Fixture f = fixture(database);
        IngestBatch batch = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), Instant.now()));
        IngestFile call = file(f, batch, "upload-1", "call.wav", "aaa", FileStatus.DETECTED);
        IngestFile failed = file(f, batch, "upload-2", "broken.wav", "bbb", FileStatus.FAILED);

        assertThat(insert(f, call)).isTrue();
        assertThat(insert(f, call)).isFalse();
        assertThat(insert(f, failed)).isTrue();

        String campaign = f.campaign().id();
        Map<String, IngestFile> sameNames = database.read(c -> f.pipeline().files().acceptedWithNames(c, campaign,
                List.of("call.wav", "broken.wav", "other.wav")));
        Map<String, IngestFile> sameContents = database.read(c -> f.pipeline().files().acceptedWithContents(c,
                campaign, List.of("aaa", "bbb")));
        Map<String, IngestFile> waiting = database.read(c -> f.pipeline().files().waitingRecordings(c, campaign,
                List.of("call.wav", "broken.wav"), Instant.now().minusSeconds(60)));
        assertThat(sameNames).as("a failed file may be sent again").containsOnlyKeys("call.wav");
        assertThat(sameNames.get("call.wav").id()).isEqualTo(call.id());
        assertThat(sameContents).containsOnlyKeys("aaa");
        assertThat(waiting).containsOnlyKeys("call.wav");
        assertThat(f.pipeline().files().latestArrivals(List.of("acme/sales/call.wav", "acme/sales/other.wav")))
                .containsOnlyKeys("acme/sales/call.wav");
    }

    @OnEachDatabase
    void aCampaignHasOneCallPerReferenceAndKeepsEveryVersion(Database database) {
        Fixture f = fixture(database);
        IngestBatch batch = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), Instant.now()));
        Call pending = call(f, batch, "C1", Map.of("Queue", "Billing"));
        database.transaction(c -> {
            f.pipeline().calls().insertAll(c, List.of(pending));
            return null;
        });
        assertThatThrownBy(() -> database.transaction(c -> {
            f.pipeline().calls().insertAll(c, List.of(call(f, batch, "C1", Map.of())));
            return null;
        })).isInstanceOf(DuplicateException.class);

        Call stored = new Call(pending.id(), pending.orgId(), pending.campaignId(), pending.batchId(), "C1", null,
                "ann", pending.contactAt(), pending.contactAtText(), "c1.wav", null, "org/cmp/c1.wav",
                new CallMedia("WAV", "pcm_s16le", 1500L, 2, 8000), pending.metadata(), null, "SFTP",
                CallStatus.PROCESSING, null, 0, null, pending.createdAt(), pending.updatedAt(), null, null);
        database.transaction(c -> f.pipeline().calls().keepVersion(c, stored, VersionCause.INGESTED,
                CallStatus.COMPLETED));
        Call updated = database.read(c -> f.pipeline().calls().find(c, pending.id())).orElseThrow();
        Call withNewMetadata = new Call(updated.id(), updated.orgId(), updated.campaignId(), updated.batchId(),
                "C1", null, "ann", updated.contactAt(), updated.contactAtText(), "c1.wav", null, updated.recordingKey(),
                updated.media(), Map.of("Queue", "Retention"), null, "SFTP", updated.status(), null,
                updated.version(), null, updated.createdAt(), updated.updatedAt(), updated.completedAt(), null);
        database.transaction(c -> f.pipeline().calls().keepVersion(c, withNewMetadata, VersionCause.METADATA_UPDATE,
                CallStatus.COMPLETED));

        Call current = f.pipeline().calls().find(f.org().id(), pending.id()).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(current.media()).isEqualTo(new CallMedia("WAV", "pcm_s16le", 1500L, 2, 8000));
        assertThat(f.pipeline().calls().versions(pending.id()))
                .extracting(CallVersion::version, CallVersion::cause, v -> v.metadata().get("Queue"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, VersionCause.INGESTED, "Billing"),
                        org.assertj.core.groups.Tuple.tuple(2, VersionCause.METADATA_UPDATE, "Retention"));
        assertThat(f.pipeline().calls().list(f.org().id(), new CallFilter(null, CallStatus.COMPLETED, "SFTP", null,
                null, null), new Page(10, 0))).extracting(Call::id).containsExactly(pending.id());
        assertThat(f.pipeline().calls().list(f.org().id(), new CallFilter(List.of(), null, null, null, null, null),
                new Page(10, 0))).isEmpty();
    }

    @OnEachDatabase
    void everyRowKeepsItsFirstOutcomeUntilItsCallSettles(Database database) {
        Fixture f = fixture(database);
        IngestBatch batch = database.transaction(c ->
                f.pipeline().batches().joinOpenBatch(c, f.org().id(), f.campaign().id(), Instant.now()));
        IngestFile csv = file(f, batch, "upload-csv", "calls.csv", "ccc", FileStatus.PROCESSING);
        Call pending = call(f, batch, "C1", Map.of());
        database.transaction(c -> {
            f.pipeline().files().insertAllIfNew(c, List.of(csv));
            f.pipeline().calls().insertAll(c, List.of(pending));
            f.pipeline().rows().insertAll(c, List.of(new CsvRow(csv.id(), 2, RowOutcome.WAITING, null, pending.id()),
                    new CsvRow(csv.id(), 3, RowOutcome.FAILED, "DATE_UNPARSABLE: bad date", null)));
            f.pipeline().rows().insertAll(c, List.of(new CsvRow(csv.id(), 3, RowOutcome.COMPLETED, null, null)));
            f.pipeline().rows().settleForCalls(c, Map.of(pending.id(), ""), RowOutcome.COMPLETED);
            return null;
        });

        Set<Long> recorded = database.read(c -> f.pipeline().rows().recordedLines(c, csv.id(), 1, 10));
        assertThat(recorded).containsOnly(2L, 3L);
        assertThat(f.pipeline().rows().refusedRows(csv.id())).containsExactly(Map.entry(3L, "DATE_UNPARSABLE: bad date"));
        BatchCounts counts = f.pipeline().batches().counts(batch.id());
        assertThat(counts.rows(RowOutcome.COMPLETED)).isEqualTo(1);
        assertThat(counts.rows(RowOutcome.FAILED)).isEqualTo(1);
        assertThat(counts.calls(CallStatus.PENDING)).isEqualTo(1);
        assertThat(counts.files(FileStatus.PROCESSING)).isEqualTo(1);
    }

    @OnEachDatabase
    void aWebhookSecretIsStoredEncryptedAndReadOnlyToSign(Database database) throws Exception {
        Fixture f = fixture(database);

        Webhook created = f.pipeline().webhooks().create(f.org().id(), null, "https://crm.example.com/hook");

        String stored = rawSecret(database, created.id());
        assertThat(created.secret()).startsWith("whsec_");
        assertThat(stored).startsWith("v1:").doesNotContain(created.secret().substring("whsec_".length()));
        assertThat(SECRETS.decrypt(stored, created.id())).isEqualTo(created.secret());
        assertThat(f.pipeline().webhooks().forDelivery(created.id()).orElseThrow().secret())
                .isEqualTo(created.secret());
        assertThat(f.pipeline().webhooks().list(f.org().id())).singleElement().extracting(Webhook::secret).isNull();
        assertThat(f.pipeline().webhooks().find(f.org().id(), created.id()).orElseThrow().secret()).isNull();
        assertThatThrownBy(() -> PipelineStore.on(database, Clock.systemUTC(), "test",
                CredentialCipher.fromBase64(CredentialCipher.generateKey())).webhooks().forDelivery(created.id()))
                .as("another server key cannot read it").isInstanceOf(CredentialCipher.UnreadableException.class);
    }

    @OnEachDatabase
    void secretsStoredInPlainTextBeforeAreEncryptedOnce(Database database) throws Exception {
        Fixture f = fixture(database);
        database.transaction(c -> Sql.update(c, "INSERT INTO webhooks (id, org_id, campaign_id, url, secret, "
                + "created_at) VALUES ('whk_old', ?, NULL, 'https://crm.example.com/old', 'whsec_plain', ?)",
                f.org().id(), Instant.now()));
        Webhook current = f.pipeline().webhooks().create(f.org().id(), null, "https://crm.example.com/new");
        String currentStored = rawSecret(database, current.id());

        assertThat(f.pipeline().webhooks().encryptPlainSecrets()).isEqualTo(1);
        assertThat(f.pipeline().webhooks().encryptPlainSecrets()).isZero();

        assertThat(rawSecret(database, "whk_old")).startsWith("v1:").doesNotContain("plain");
        assertThat(f.pipeline().webhooks().forDelivery("whk_old").orElseThrow().secret()).isEqualTo("whsec_plain");
        assertThat(rawSecret(database, current.id())).as("an encrypted secret is left as it is")
                .isEqualTo(currentStored);
    }

    private static String rawSecret(Database database, String webhookId) {
        return database.read(c -> Sql.one(c, "SELECT secret FROM webhooks WHERE id = ?", row -> row.getString(1),
                webhookId)).orElseThrow();
    }

    private static boolean insert(Fixture f, IngestFile file) {
        return f.database().transaction(c -> f.pipeline().files().insertAllIfNew(c, List.of(file))[0]);
    }

    private static IngestFile file(Fixture f, IngestBatch batch, String uploadId, String name, String sha256,
                                   FileStatus status) {
        Instant now = Instant.now();
        return new IngestFile(Ids.next("fil"), f.org().id(), f.campaign().id(), batch.id(), uploadId,
                "acme/sales/" + name, name, name, IngestFileKind.of(name), 10, sha256, "SFTP", status, null, null, null,
                0, now, now, status.isFinal() ? now : null, null);
    }

    private static Call call(Fixture f, IngestBatch batch, String reference, Map<String, String> metadata) {
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        return new Call(Ids.next("cal"), f.org().id(), f.campaign().id(), batch.id(), reference, null, "ann", now,
                now.toString(), reference.toLowerCase() + ".wav", null, null, null, metadata, null, "SFTP",
                CallStatus.PENDING, null, 0, now.plusSeconds(60), now, now, null, null);
    }
}
