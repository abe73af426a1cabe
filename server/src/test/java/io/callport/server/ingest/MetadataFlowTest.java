package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import io.callport.server.store.CallVersion;
import io.callport.server.store.CrmObjectRepository;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import io.callport.server.store.VersionCause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata beyond one CSV: updates within 48 hours, sidecars, file-name conventions, agents made on the fly, CRM. */
class MetadataFlowTest extends RunningPipelineFixture {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEADER = "call_id,agent,date,recording,queue\n";

    @Test
    void theSameReferenceWithin48HoursIsANewVersionAndLaterIsRefused() throws Exception {
        String campaign = server.campaign("Sales", true, 0);
        String callTime = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "c1.wav", Recordings.wav(400));
        server.land(campaign, "calls.csv", HEADER + "C1,478," + callTime + ",c1.wav,Billing\n");
        server.awaitBatchesFinal(campaign, WAIT);

        server.land(campaign, "calls-update.csv", HEADER + "C1,478," + callTime + ",c1.wav,Retention\n");
        assertThat(server.awaitBatchesFinal(campaign, WAIT).getFirst().status()).isEqualTo(BatchStatus.COMPLETED);

        clock.advance(Duration.ofHours(48));
        server.land(campaign, "calls-late.csv", HEADER + "C1,478," + callTime + ",c1.wav,Complaints\n");
        IngestBatch late = server.awaitBatchesFinal(campaign, WAIT).getFirst();

        Call call = server.calls(campaign).getFirst();
        assertThat(call.version()).isEqualTo(2);
        assertThat(call.metadata()).containsEntry("Queue", "Retention");
        assertThat(server.pipeline().store().calls().versions(call.id()))
                .extracting(CallVersion::version, CallVersion::cause, v -> v.metadata().get("Queue"))
                .containsExactly(tuple(1, VersionCause.INGESTED, "Billing"),
                        tuple(2, VersionCause.METADATA_UPDATE, "Retention"));
        assertThat(late.status()).isEqualTo(BatchStatus.FAILED);
        String report = Files.readString(campaignDir(campaign).resolve("failed/calls-late-failed-rows.csv"));
        assertThat(report).contains("C1,478," + callTime + ",c1.wav,Complaints,\"REFERENCE_UPDATE_TOO_LATE: The call C1 "
                + "took place on " + Texts.when(Instant.parse(callTime)) + "; its metadata could be updated until "
                + Texts.when(Instant.parse(callTime).plus(Duration.ofHours(48))) + ", 48 hours after it, but "
                + "calls-late.csv arrived on ");
    }

    @Test
    void sidecarsCarryMetadataAndASidecarSentAgainUpdatesTheCall() throws Exception {
        String campaign = server.campaign("Support", false, 0);
        String callTime = clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "r1.json", "{\"call_id\": \"S1\", \"agent\": \"478\", \"date\": \"" + callTime
                + "\", \"queue\": \"Billing\"}");
        server.land(campaign, "r1.wav", Recordings.wav(400));
        server.awaitBatchesFinal(campaign, WAIT);

        server.land(campaign, "r1.json", "{\"call_id\": \"S1\", \"agent\": \"478\", \"date\": \"" + callTime
                + "\", \"queue\": \"Escalations\"}");
        server.awaitBatchesFinal(campaign, WAIT);

        Call call = server.calls(campaign).getFirst();
        assertThat(call.contactReference()).isEqualTo("S1");
        assertThat(call.recordingName()).isEqualTo("r1.wav");
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.version()).isEqualTo(2);
        assertThat(call.metadata()).containsEntry("Queue", "Escalations");
        assertThat(campaignDir(campaign).resolve("processed/r1.json")).content().contains("Escalations");
    }

    @Test
    void aSidecarThatComesBeforeItsRecordingWaitsForIt() throws Exception {
        String campaign = server.campaign("Support", false, 0);
        String callTime = clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "r2.xml", "<call><call_id>S2</call_id><agent>478</agent><date>" + callTime
                + "</date></call>");
        assertThat(server.awaitBatch(campaign, BatchStatus.WAITING_FOR_FILES, WAIT).reason())
                .startsWith("1 calls or sidecars wait for their recordings");

        server.land(campaign, "r2.wav", Recordings.wav(300));

        assertThat(server.awaitBatchesFinal(campaign, WAIT)).extracting(IngestBatch::status)
                .containsOnly(BatchStatus.COMPLETED);
        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status)
                .containsExactly(tuple("S2", CallStatus.COMPLETED));
    }

    @Test
    void recordingsAloneTakeTheirMetadataFromTheirNames() throws Exception {
        // a window of a few seconds keeps both recordings in one batch however busy the machine is
        String campaign = server.campaign("Outbound", false, 3);
        server.mapping(campaign, """
                {"fields": {"agentId": "agent", "contactDate": "date", "contactReference": "call_id"},
                 "fileNameConvention": {"pattern": "yyyyMMdd-HHmmss_direction_uid"}}
                """);
        server.land(campaign, "20260105-083700_outbound_478.wav", Recordings.wav(500));
        server.land(campaign, "not-the-convention.wav", Recordings.wav(600));

        IngestBatch batch = server.awaitBatchesFinal(campaign, WAIT).getFirst();

        assertThat(batch.status()).isEqualTo(BatchStatus.INCOMPLETE);
        Call call = server.calls(campaign).getFirst();
        assertThat(call.contactReference()).isEqualTo("20260105-083700_outbound_478");
        assertThat(call.contactAt()).isEqualTo(Instant.parse("2026-01-05T08:37:00Z"));
        assertThat(call.agentIdentifier()).isEqualTo("478");
        assertThat(call.agentId()).isNotNull();
        assertThat(call.metadata()).containsExactly(Map.entry("direction", "outbound"));
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        IngestFile refused = server.pipeline().store().files().inBatch(batch.id(), FileStatus.FAILED, new Page(5, 0))
                .getFirst();
        assertThat(refused.name()).isEqualTo("not-the-convention.wav");
        assertThat(refused.reason()).startsWith("FILENAME_");
    }

    @Test
    void anUnmappedAgentIsCreatedWhenTheCampaignSaysSo() throws Exception {
        String campaign = server.campaign("Sales", true, 0);
        assertThat(server.http().put("/api/v1/campaigns/" + campaign + "/agent-creation", server.ownerKey(),
                "{\"enabled\": true, \"emailTemplate\": \"agent-%agentid%@%domain%.com\", \"emailDomain\": \"acme\"}")
                .status()).isEqualTo(200);
        String callTime = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "c1.wav", Recordings.wav(400));
        server.land(campaign, "calls.csv", HEADER + "C1,9001," + callTime + ",c1.wav,Billing\n");

        assertThat(server.awaitBatchesFinal(campaign, WAIT).getFirst().status()).isEqualTo(BatchStatus.COMPLETED);
        String orgId = server.campaignRecord(campaign).orgId();
        var agent = server.http().server().context().store().agents().findByIdentifier(orgId, "9001").orElseThrow();
        assertThat(agent.email()).isEqualTo("agent-9001@acme.com");
        assertThat(server.calls(campaign).getFirst().agentId()).isEqualTo(agent.id());
    }

    @Test
    void crmObjectsAreSavedByTheirIdBeforeTheCallMetadata() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        String callTime = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        server.land(campaign, "c1.wav", Recordings.wav(400));
        // before the call metadata, which closes the batch once its rows have their recordings
        server.land(campaign, "contacts-2026-01-05.csv", "contact_id,name,phone\nK1,Ada,555-0101\n,No Id,0\n");
        server.land(campaign, "calls.csv", HEADER + "C1,478," + callTime + ",c1.wav,Billing\n");
        server.awaitBatchesFinal(campaign, WAIT);
        server.land(campaign, "contacts-2026-01-06.csv", "contact_id,name,phone\nK1,Ada Lovelace,555-0199\n");
        server.awaitBatchesFinal(campaign, WAIT);

        String orgId = server.campaignRecord(campaign).orgId();
        assertThat(server.pipeline().store().crmObjects().find(orgId, "contacts", "K1"))
                .map(CrmObjectRepository.CrmObject::fields)
                .contains(Map.of("name", "Ada Lovelace", "phone", "555-0199"));
        List<IngestBatch> batches = server.batches(campaign);
        assertThat(batches).extracting(IngestBatch::reason)
                .containsExactly("1 file taken in.", "1 call completed, 1 row refused.");
    }

    private Path campaignDir(String campaign) {
        return server.landingRoot().resolve(server.folder(campaign).orgFolder())
                .resolve(server.folder(campaign).campaignFolder());
    }
}
