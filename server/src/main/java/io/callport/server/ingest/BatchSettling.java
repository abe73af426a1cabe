package io.callport.server.ingest;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.naming.FileNameConvention;
import io.callport.naming.FileNames;
import io.callport.naming.NameExtraction;
import io.callport.naming.NameFields;
import io.callport.server.store.Call;
import io.callport.server.store.Campaign;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import io.callport.sidecar.SidecarReader;
import io.callport.validate.CallFields;
import io.callport.validate.CheckedRecord;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import io.callport.validate.SidecarFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Once a batch's metadata files and zips are read, settles what is left: each sidecar is applied to the recording
 * of its name (in this batch, or waiting from an earlier one) or, without one, as a metadata update of the call
 * its contact reference names; each recording still unmatched goes to a call that waits for it. What remains
 * then waits for its metadata when the campaign requires a CSV; otherwise each recording becomes a call of its
 * own, with what its file name (the mapping's convention) says. Last, in the transaction that ends the settling,
 * the campaign's picking rule decides which of the calls the batch made ready are taken in.
 */
final class BatchSettling implements Stage {
    private static final int CHUNK = 200;
    private static final List<IngestFileKind> READ_FIRST = List.of(IngestFileKind.METADATA, IngestFileKind.CRM,
            IngestFileKind.ARCHIVE);

    private final PipelineContext context;
    private final Association association;
    private final BatchPicking picking;
    private final SidecarReader sidecars = new SidecarReader();

    BatchSettling(PipelineContext context, Association association) {
        this.context = context;
        this.association = association;
        this.picking = new BatchPicking(context);
    }

    @Override
    public WorkKind kind() {
        return WorkKind.SETTLE_BATCH;
    }

    @Override
    public void run(Claim claim) {
        String batchId = claim.items().getFirst().subjectId();
        IngestBatch batch = context.database().read(c -> context.pipeline().batches().find(c, batchId)).orElse(null);
        if (batch == null) {
            context.finishing(claim, (c, changes) -> null);
            return;
        }
        if (context.database().read(c -> context.pipeline().files().hasUnfinished(c, batchId, READ_FIRST))) {
            context.postpone(claim, context.now().plus(Duration.ofSeconds(1)));
            return;
        }
        Campaign campaign = context.store().campaigns().find(batch.orgId(), batch.campaignId()).orElseThrow();
        Optional<FieldMapping> mapping = currentMapping(campaign);
        AgentMatching agents = new AgentMatching(context.store().agents(), campaign);
        Set<String> heldBySidecar = settleSidecars(claim, batchId, campaign, mapping, agents);
        settleRecordings(claim, batchId, campaign, mapping, agents, heldBySidecar);
        context.finishing(claim, (c, changes) -> {
            picking.decide(c, changes, campaign, batchId);
            context.refreshSoon(c, changes, batchId);
            return null;
        });
    }

    /**
     * Applies the batch's sidecars; returns the base names of recordings whose sidecar was refused. A sidecar
     * that names no call the campaign has and whose recording has not arrived waits for the recording.
     */
    private Set<String> settleSidecars(Claim claim, String batchId, Campaign campaign, Optional<FieldMapping> mapping,
                                       AgentMatching agents) {
        Set<String> refused = new HashSet<>();
        List<IngestFile> files = context.database().read(c -> context.pipeline().files().inBatch(c, batchId,
                IngestFileKind.SIDECAR, FileStatus.DETECTED));
        for (IngestFile file : files) {
            if (!applySidecar(claim, campaign, batchId, file, mapping, agents, null)) {
                refused.add(SidecarReader.recordingBaseName(file.name()));
            }
        }
        return refused;
    }

    /**
     * Applies one sidecar, to {@code recording} when given, else to the waiting recording of its name or as a
     * metadata update; false when it was refused.
     */
    private boolean applySidecar(Claim claim, Campaign campaign, String batchId, IngestFile file,
                                 Optional<FieldMapping> mapping, AgentMatching agents, IngestFile recording) {
        Read read = read(file, mapping);
        AgentMatching.Match agent = read.record() != null ? agents.match(read.record().fields()) : null;
        return context.holding(claim, (c, changes) -> {
            String baseName = SidecarReader.recordingBaseName(file.name());
            IngestFile target = recording != null ? recording : read.failure() != null ? null
                    : context.pipeline().files().waitingRecordingNamed(c, campaign.id(), baseName,
                            file.arrivedAt().minus(Limits.ASSOCIATION_LOOKBACK)).orElse(null);
            Association.Outcome outcome = apply(c, changes, campaign, batchId, file, read, agent, target);
            if (target == null && outcome.reason() != null
                    && outcome.reason().startsWith(IssueCode.CALL_NOT_FOUND.name())) {
                return true;
            }
            FileStatus status = switch (outcome.outcome()) {
                case COMPLETED, WAITING -> FileStatus.COMPLETED;
                case SKIPPED -> FileStatus.SKIPPED;
                case FAILED -> FileStatus.FAILED;
            };
            String reason = status == FileStatus.COMPLETED ? null : outcome.reason();
            context.pipeline().files().setStatus(c, file.id(), status, reason);
            changes.event(context.fileEvent(file, status, reason));
            changes.afterCommit(() -> context.landed().settle(file, status));
            return status == FileStatus.COMPLETED;
        });
    }

    private Association.Outcome apply(Connection c, Changes changes, Campaign campaign, String batchId,
                                      IngestFile sidecar, Read read, AgentMatching.Match agent, IngestFile recording)
            throws SQLException {
        if (read.failure() != null) {
            return new Association.Outcome(RowOutcome.FAILED, read.failure(), null);
        }
        if (agent.refusal() != null) {
            return new Association.Outcome(RowOutcome.SKIPPED, agent.refusal(), null);
        }
        return association.apply(c, changes, campaign, batchId, sidecar,
                List.of(new Association.Metadata(read.record().fields(), agent.agentId(), recording))).getFirst();
    }

    /** A sidecar's record, or why it cannot be read. */
    private record Read(CheckedRecord record, String failure) {
    }

    private Read read(IngestFile file, Optional<FieldMapping> mapping) {
        if (mapping.isEmpty()) {
            return new Read(null, Texts.reason(IssueCode.MAPPING_INVALID, "The campaign has no field mapping, so the "
                    + "sidecar " + file.name() + " cannot be read. Save a mapping and send the sidecar again."));
        }
        Optional<Path> content = context.landed().current(file);
        if (content.isEmpty()) {
            return new Read(null, Texts.reason(IssueCode.FILE_UNREADABLE, file.name()
                    + " is no longer in the campaign folder; send it again."));
        }
        try (InputStream in = Files.newInputStream(content.get())) {
            CheckedRecord record = SidecarFields.check(mapping.get(), context.clock(), sidecars.read(file.path(), in));
            return record.accepted() ? new Read(record, null) : new Read(null, CsvReading.reasons(record.issues()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the sidecar " + file.path(), e);
        }
    }

    private void settleRecordings(Claim claim, String batchId, Campaign campaign, Optional<FieldMapping> mapping,
                                  AgentMatching agents, Set<String> heldBySidecar) {
        List<IngestFile> waiting = context.database().read(c -> context.pipeline().files().inBatch(c, batchId,
                IngestFileKind.RECORDING, FileStatus.DETECTED));
        FileNameConvention convention = mapping.map(FieldMapping::fileNameConvention).orElse(null);
        for (int start = 0; start < waiting.size(); start += CHUNK) {
            List<IngestFile> chunk = new ArrayList<>(waiting.subList(start, Math.min(waiting.size(), start + CHUNK)));
            Map<String, IngestFile> sidecarsWaiting = waitingSidecars(campaign, chunk);
            chunk.removeIf(recording -> {
                IngestFile sidecar = sidecarsWaiting.get(FileNames.baseName(recording.name()));
                return sidecar != null && applySidecar(claim, campaign, batchId, sidecar, mapping, agents,
                        recording);
            });
            Map<IngestFile, CallFields> alone = new LinkedHashMap<>();
            Map<IngestFile, AgentMatching.Match> aloneAgents = new LinkedHashMap<>();
            if (!campaign.csvRequired()) {
                for (IngestFile recording : chunk) {
                    if (!heldBySidecar.contains(FileNames.baseName(recording.name()))) {
                        CallFields fields = fieldsFromName(recording, convention);
                        alone.put(recording, fields);
                        aloneAgents.put(recording, fields == null ? null : agents.match(fields));
                    }
                }
            }
            context.holding(claim, (c, changes) -> {
                Map<String, Call> calls = association.callsWaitingFor(c, campaign, chunk);
                Map<Call, IngestFile> attached = new LinkedHashMap<>();
                for (IngestFile recording : chunk) {
                    Call call = calls.remove(recording.name());
                    if (call != null) {
                        attached.put(call, recording);
                        alone.remove(recording);
                    }
                }
                association.attach(c, changes, campaign, batchId, attached);
                takeAlone(c, changes, campaign, convention, alone, aloneAgents);
                return null;
            });
        }
    }

    /** Sidecars that arrived before these recordings (in earlier batches), by the base name they share. */
    private Map<String, IngestFile> waitingSidecars(Campaign campaign, List<IngestFile> recordings) {
        Map<String, IngestFile> byBaseName = new LinkedHashMap<>();
        if (recordings.isEmpty()) {
            return byBaseName;
        }
        java.time.Instant since = recordings.getFirst().arrivedAt().minus(Limits.ASSOCIATION_LOOKBACK);
        context.database().read(c -> context.pipeline().files().waitingSidecarsFor(c, campaign.id(),
                recordings.stream().map(file -> FileNames.baseName(file.name())).toList(), since))
                .forEach(sidecar -> byBaseName.put(FileNames.baseName(sidecar.name()), sidecar));
        return byBaseName;
    }

    /** Makes calls of recordings that have no metadata, in a campaign that does not require it. */
    private void takeAlone(Connection c, Changes changes, Campaign campaign, FileNameConvention convention,
                           Map<IngestFile, CallFields> alone, Map<IngestFile, AgentMatching.Match> agents)
            throws SQLException {
        Map<String, Call> taken = context.pipeline().calls().withReferences(c, campaign.id(),
                alone.keySet().stream().map(file -> FileNames.baseName(file.name())).toList());
        for (Map.Entry<IngestFile, CallFields> entry : alone.entrySet()) {
            IngestFile recording = entry.getKey();
            AgentMatching.Match agent = agents.get(recording);
            String refusal;
            if (entry.getValue() == null) {
                refusal = nameRefusal(recording, convention);
            } else if (taken.containsKey(entry.getValue().contactReference())) {
                refusal = Texts.reason(IssueCode.FILE_DUPLICATE, "The campaign already has a call with the reference "
                        + entry.getValue().contactReference() + ", which the recording " + recording.name()
                        + " would take as its own.");
            } else if (agent.refusal() != null) {
                refusal = agent.refusal();
            } else {
                association.apply(c, changes, campaign, recording.batchId(), recording,
                        List.of(new Association.Metadata(entry.getValue(), agent.agentId(), recording)));
                continue;
            }
            FileStatus status = refusal.startsWith(IssueCode.AGENT_UNMAPPED.name()) ? FileStatus.SKIPPED
                    : FileStatus.FAILED;
            context.pipeline().files().setStatus(c, recording.id(), status, refusal);
            changes.event(context.fileEvent(recording, status, refusal));
            changes.afterCommit(() -> context.landed().settle(recording, status));
        }
    }

    /**
     * What a recording's name says: the convention's date, agent and other fields, the name (without extension)
     * as the contact reference; the arrival time when the convention gives no date. Null when the name does not
     * fit the convention.
     */
    private static CallFields fieldsFromName(IngestFile recording, FileNameConvention convention) {
        Map<String, String> metadata = new LinkedHashMap<>();
        java.time.Instant date = recording.arrivedAt();
        String agent = null;
        if (convention != null) {
            NameExtraction extraction = convention.extract(recording.name());
            if (extraction.issues().stream().anyMatch(Issue::isError)) {
                return null;
            }
            metadata.putAll(extraction.fields());
            agent = metadata.remove(NameFields.AGENT_ID);
            date = extraction.contactDate() != null ? extraction.contactDate() : date;
        }
        return new CallFields(agent, date.toString(), date, FileNames.baseName(recording.name()), recording.name(),
                metadata);
    }

    private static String nameRefusal(IngestFile recording, FileNameConvention convention) {
        Issue issue = convention.extract(recording.name()).issues().stream().filter(Issue::isError).findFirst()
                .orElseThrow();
        return Texts.reason(issue);
    }

    private Optional<FieldMapping> currentMapping(Campaign campaign) {
        return context.store().fieldMappings().current(campaign.id()).flatMap(version -> {
            try {
                return Optional.of(MappingJson.parse(version.mappingJson()));
            } catch (InvalidMappingException e) {
                return Optional.empty();
            }
        });
    }

    /** Settling failed for good: the calls it made ready are still picked from, so none waits forever. */
    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        String batchId = item.subjectId();
        Optional<IngestBatch> batch = context.pipeline().batches().find(connection, batchId);
        Optional<Campaign> campaign = batch.flatMap(b -> context.store().campaigns().find(b.orgId(), b.campaignId()));
        if (campaign.isPresent()) {
            picking.decide(connection, changes, campaign.get(), batchId);
        }
        context.refreshSoon(connection, changes, batchId);
    }
}
