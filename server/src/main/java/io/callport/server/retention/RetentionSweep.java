package io.callport.server.retention;

import io.callport.server.ingest.Pipeline;
import io.callport.server.store.Call;
import io.callport.server.store.Campaign;
import io.callport.server.store.RetentionPeriod;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each campaign's retention choices (reference: unprocessed data 1 to 3 months; audio and transcripts 1 to
 * 12 months; metadata and insights 1 to 12 months or the contract's length), counted from when the call was
 * received or completed:
 * <ul>
 *   <li>a call never completed (still waiting, failed, or not picked) older than the unprocessed period is deleted
 *       with its recording;</li>
 *   <li>a completed call's recording is deleted after the audio period (the call keeps its metadata and says when
 *       its audio went);</li>
 *   <li>a completed call is deleted, with its versions, after the metadata period, unless that is the contract.</li>
 * </ul>
 */
public final class RetentionSweep implements Runnable {
    private static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final Pipeline pipeline;
    private final Clock clock;

    public RetentionSweep(Pipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (Campaign campaign : pipeline.allCampaigns()) {
            try {
                sweep(campaign);
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().addKeyValue("campaign", campaign.id()).addKeyValue("error", e.getMessage())
                        .log("retention could not be applied; it is tried again next time");
            }
        }
    }

    private void sweep(Campaign campaign) throws IOException {
        var calls = pipeline.store().calls();
        int unprocessed = 0;
        int audio = 0;
        int metadata = 0;
        for (List<Call> due = calls.unfinishedBefore(campaign.id(), cutoff(campaign.retention().unprocessed()), CHUNK);
             !due.isEmpty(); due = calls.unfinishedBefore(campaign.id(),
                cutoff(campaign.retention().unprocessed()), CHUNK)) {
            deleteRecordings(due);
            calls.delete(due.stream().map(Call::id).toList());
            unprocessed += due.size();
        }
        for (List<Call> due = calls.audioDue(campaign.id(), cutoff(campaign.retention().audioAndTranscripts()), CHUNK);
             !due.isEmpty(); due = calls.audioDue(campaign.id(),
                cutoff(campaign.retention().audioAndTranscripts()), CHUNK)) {
            deleteRecordings(due);
            calls.audioDeleted(due.stream().map(Call::id).toList());
            audio += due.size();
        }
        if (campaign.retention().metadataAndInsights() != RetentionPeriod.CONTRACT) {
            Instant before = cutoff(campaign.retention().metadataAndInsights());
            for (List<Call> due = calls.completedBefore(campaign.id(), before, CHUNK); !due.isEmpty();
                 due = calls.completedBefore(campaign.id(), before, CHUNK)) {
                deleteRecordings(due);
                calls.delete(due.stream().map(Call::id).toList());
                metadata += due.size();
            }
        }
        if (unprocessed + audio + metadata > 0) {
            LOG.atInfo().addKeyValue("campaign", campaign.id()).addKeyValue("unprocessedCalls", unprocessed)
                    .addKeyValue("recordings", audio).addKeyValue("calls", metadata).log("retention applied");
        }
    }

    private void deleteRecordings(List<Call> calls) throws IOException {
        for (Call call : calls) {
            if (call.recordingKey() != null) {
                pipeline.recordings().delete(call.recordingKey());
            }
        }
    }

    /** The instant a period before now, counted in calendar months in UTC. */
    private Instant cutoff(RetentionPeriod period) {
        return clock.instant().atZone(ZoneOffset.UTC).minus(Period.parse(period.name())).toInstant();
    }
}
