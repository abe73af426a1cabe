package io.callport.server.ingest;

import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingListener;
import io.callport.server.store.Campaign;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.Ids;
import io.callport.server.store.WorkKind;
import io.callport.validate.IssueCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: records each arrival as a file of its campaign's open batch, in one transaction, and moves the
 * batch's window on. An arrival reported twice (same upload id) is recorded once. A file whose name (sidecars
 * aside: a new sidecar of the same name is a metadata update) or content the campaign already took is a
 * Duplicate and is not processed again; a file of no kind Callport reads is Skipped.
 */
final class Intake implements LandingListener {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final PipelineContext context;
    private final CampaignFolders folders;
    /** Locations of files moving into place or landed and not yet recorded, with how many uploads are there. */
    private final Map<String, Integer> landing = new ConcurrentHashMap<>();
    private final ArrivalRecorder recorder = new ArrivalRecorder(this::record,
            landed -> notLanding(landed.arrival().location()));

    Intake(PipelineContext context, CampaignFolders folders) {
        this.context = context;
        this.folders = folders;
    }

    void start() {
        recorder.start();
    }

    /** Records the files that have landed so far; call once uploads have stopped. */
    void stop() throws InterruptedException {
        recorder.stop();
    }

    /**
     * One arrival to record.
     *
     * @param location  where the content is, relative to the landing root
     * @param path      the file's name inside the campaign folder, as people see it
     * @param batchId   the batch it belongs to when that is known (a zip's entries join the zip's batch); null to
     *                  join the campaign's open batch
     * @param archiveId the zip it was unpacked from, or null
     */
    record Arrival(String uploadId, Campaign campaign, String location, String path, long size, String sha256,
                   String source, Instant arrivedAt, String batchId, String archiveId) {

        String name() {
            return io.callport.naming.FileNames.lastSegment(path);
        }

        Arrival withSha256(String contentHash) {
            return new Arrival(uploadId, campaign, location, path, size, contentHash, source, arrivedAt, batchId,
                    archiveId);
        }
    }

    @Override
    public void landing(CampaignPath destination) {
        landingAt(LandedFiles.locationOf(destination.campaign(), destination.relativePath()));
    }

    @Override
    public void landingEnded(CampaignPath destination) {
        notLanding(LandedFiles.locationOf(destination.campaign(), destination.relativePath()));
    }

    private void landingAt(String location) {
        landing.merge(location, 1, Integer::sum);
    }

    private void notLanding(String location) {
        landing.computeIfPresent(location, (place, uploads) -> uploads == 1 ? null : uploads - 1);
    }

    /**
     * Whether an upload is landing a file there now, or landed it and its recording is pending: it records the file
     * itself, so the folder scan leaves it.
     */
    boolean isLanding(String location) {
        return landing.containsKey(location);
    }

    @Override
    public void landed(LandedFile file) {
        Optional<Campaign> campaign = folders.campaignOf(file.campaign());
        if (campaign.isEmpty()) {
            LOG.atWarn().addKeyValue("folder", file.campaign()).addKeyValue("file", file.relativePath())
                    .log("a file landed in a folder of no campaign; it is left where it is");
            return;
        }
        String location = LandedFiles.locationOf(file.campaign(), file.relativePath());
        // still landing until recorded; landingEnded, which comes once this returns, does not end that
        landingAt(location);
        recorder.add(new ArrivalRecorder.Landed(new Arrival(file.uploadId(), campaign.get(), location,
                file.relativePath(), file.size(), null, file.source().name(), file.arrivedAt(), null, null),
                file.file()));
    }

    /** Records arrivals in one transaction; returns the files recorded now (not those recorded before). */
    List<IngestFile> record(List<Arrival> arrivals) {
        return context.transaction((c, changes) -> record(c, changes, arrivals));
    }

    List<IngestFile> record(Connection connection, Changes changes, List<Arrival> arrivals) throws SQLException {
        Map<String, List<Arrival>> byBatchTarget = new LinkedHashMap<>();
        for (Arrival arrival : arrivals) {
            String target = arrival.batchId() != null ? "batch:" + arrival.batchId()
                    : "campaign:" + arrival.campaign().id();
            byBatchTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(arrival);
        }
        List<IngestFile> recorded = new ArrayList<>();
        for (List<Arrival> group : byBatchTarget.values()) {
            IngestBatch joined = group.getFirst().batchId() == null ? joinOpenBatch(connection, group) : null;
            String batchId = joined != null ? joined.id() : group.getFirst().batchId();
            Campaign campaign = group.getFirst().campaign();
            Map<String, IngestFile> sameNames = context.pipeline().files().acceptedWithNames(connection,
                    campaign.id(), group.stream().map(Arrival::name).toList());
            Map<String, IngestFile> sameContents = context.pipeline().files().acceptedWithContents(connection,
                    campaign.id(), group.stream().map(Arrival::sha256).toList());
            List<IngestFile> files = new ArrayList<>();
            for (Arrival arrival : group) {
                IngestFile file = fileFor(arrival, batchId, sameNames, sameContents);
                files.add(file);
                if (file.status() == FileStatus.DETECTED) {
                    // a later file of this group with the same name (sidecars aside) or content duplicates this one
                    if (file.kind() != IngestFileKind.SIDECAR) {
                        sameNames.putIfAbsent(file.name(), file);
                    }
                    sameContents.putIfAbsent(file.sha256(), file);
                }
            }
            boolean[] inserted = context.pipeline().files().insertAllIfNew(connection, files);
            for (int i = 0; i < files.size(); i++) {
                IngestFile file = files.get(i);
                if (inserted[i]) {
                    recorded.add(file);
                    changes.event(new PipelineEvent(PipelineEvent.FILE, file.id(), file.orgId(), file.campaignId(),
                            batchId, file.status().name(), file.reason(), file.arrivedAt()));
                }
            }
            if (joined != null) {
                scheduleClosing(connection, changes, joined);
            }
        }
        return recorded;
    }

    /** Joins the campaign's open batch, keeping it open for the window after the latest arrival. */
    private IngestBatch joinOpenBatch(Connection connection, List<Arrival> group) throws SQLException {
        Campaign campaign = group.getFirst().campaign();
        Instant latest = group.stream().map(Arrival::arrivedAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant closes = latest.plus(Duration.ofSeconds(campaign.batchWindowSeconds()));
        return context.pipeline().batches().joinOpenBatch(connection, campaign.orgId(), campaign.id(), closes);
    }

    /**
     * The batch closes when its window has passed, or sooner once it has a CSV: from then on each arrival has
     * {@link BatchClosing} look whether anything is left to wait for.
     */
    private void scheduleClosing(Connection connection, Changes changes, IngestBatch batch) throws SQLException {
        if (context.pipeline().files().hasUnfinished(connection, batch.id(), List.of(IngestFileKind.METADATA))) {
            context.enqueueNow(connection, changes, WorkKind.CLOSE_BATCH, batch.id());
        } else {
            context.pipeline().work().schedule(connection, WorkKind.CLOSE_BATCH, batch.id(), batch.windowClosesAt());
        }
    }

    private IngestFile fileFor(Arrival arrival, String batchId, Map<String, IngestFile> sameNames,
                              Map<String, IngestFile> sameContents) {
        String name = arrival.name();
        IngestFileKind kind = IngestFileKind.of(name);
        String campaignId = arrival.campaign().id();
        FileStatus status = FileStatus.DETECTED;
        String reason = null;
        Optional<IngestFile> sameName = kind == IngestFileKind.SIDECAR || kind == IngestFileKind.OTHER
                ? Optional.empty() : Optional.ofNullable(sameNames.get(name));
        Optional<IngestFile> sameContent = sameName.isPresent() || kind == IngestFileKind.OTHER ? Optional.empty()
                : Optional.ofNullable(sameContents.get(arrival.sha256()));
        if (kind == IngestFileKind.OTHER) {
            status = FileStatus.SKIPPED;
            reason = Texts.reason(IssueCode.FILE_TYPE_UNKNOWN, name + " is not a recording, a CSV, a JSON or XML "
                    + "sidecar, or a zip, so it was not processed.");
        } else if (kind == IngestFileKind.ARCHIVE && arrival.archiveId() != null) {
            status = FileStatus.SKIPPED;
            reason = Texts.reason(IssueCode.FILE_TYPE_UNKNOWN, arrival.path() + " is a zip inside a zip; put its "
                    + "files in the outer zip instead.");
        } else if (sameName.isPresent()) {
            status = FileStatus.DUPLICATE;
            reason = Texts.reason(IssueCode.FILE_DUPLICATE, "A file named " + name + " was already received on "
                    + Texts.when(sameName.get().arrivedAt()) + "; a campaign takes each file once. Reprocess its "
                    + "call, or send the file under a new name.");
        } else if (sameContent.isPresent()) {
            status = FileStatus.DUPLICATE;
            reason = Texts.reason(IssueCode.FILE_DUPLICATE, name + " has the same content as "
                    + sameContent.get().name() + ", received on " + Texts.when(sameContent.get().arrivedAt())
                    + "; a campaign takes each file once.");
        }
        Instant now = context.now();
        return new IngestFile(Ids.ordered("fil"), arrival.campaign().orgId(), campaignId, batchId, arrival.uploadId(),
                arrival.location(), arrival.path(), name, kind, arrival.size(), arrival.sha256(), arrival.source(),
                status, reason, arrival.archiveId(), null, 0, arrival.arrivedAt(), now,
                status.isFinal() ? now : null, null);
    }
}
