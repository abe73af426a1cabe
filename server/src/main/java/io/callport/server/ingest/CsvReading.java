package io.callport.server.ingest;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.server.store.Campaign;
import io.callport.server.store.Claim;
import io.callport.server.store.CsvRow;
import io.callport.server.store.FieldMappingVersion;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import io.callport.validate.CheckedRecord;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import io.callport.validate.MetadataRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a batch's metadata files with the campaign's mapping (the version current when reading starts, kept for
 * the whole file) through the validator the Uploader runs. A file is read in parts of {@link Limits#CSV_SPLIT_ROWS}
 * rows, one claim per part, in order; each part is applied in chunks, each chunk in one transaction that records
 * every row's outcome, so a part cut short by a crash resumes after its last recorded row. When the whole file is
 * read it moves to {@code processed/} (or {@code failed/} when it could not be read) and its refused rows are
 * written to the failed-rows report. CRM object files go first and are read by {@link CrmImport}.
 */
final class CsvReading implements Stage {
    static final int CHUNK_ROWS = 500;

    private final PipelineContext context;
    private final Association association;
    private final CrmImport crm;
    private final FailedRowsReport reports;

    CsvReading(PipelineContext context, Association association, CrmImport crm, FailedRowsReport reports) {
        this.context = context;
        this.association = association;
        this.crm = crm;
        this.reports = reports;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.READ_CSV;
    }

    @Override
    public void run(Claim claim) throws IOException {
        IngestFile file = context.database().read(c -> context.pipeline().files()
                .find(c, claim.items().getFirst().subjectId())).orElse(null);
        if (file == null || file.status().isFinal()) {
            context.finishing(claim, (c, changes) -> null);
            return;
        }
        if (file.kind() == IngestFileKind.CRM) {
            crm.run(claim, file);
            return;
        }
        if (context.database().read(c -> context.pipeline().files().hasUnfinished(c, file.batchId(),
                List.of(IngestFileKind.CRM)))) {
            // CRM objects come before the call metadata that may refer to them
            context.postpone(claim, context.now().plus(Duration.ofSeconds(1)));
            return;
        }
        Campaign campaign = context.store().campaigns().find(file.orgId(), file.campaignId()).orElseThrow();
        Optional<FieldMappingVersion> version = file.mappingVersion() != null
                ? context.store().fieldMappings().version(campaign.id(), file.mappingVersion())
                : context.store().fieldMappings().current(campaign.id());
        if (version.isEmpty()) {
            fail(claim, file, Texts.reason(IssueCode.MAPPING_INVALID, "The campaign " + campaign.name() + " has no "
                    + "field mapping, so " + file.name() + " cannot be read. Save a mapping for the campaign and send "
                    + "the file again."));
            return;
        }
        FieldMapping mapping;
        try {
            mapping = MappingJson.parse(version.get().mappingJson());
        } catch (InvalidMappingException e) {
            fail(claim, file, Texts.reason(IssueCode.MAPPING_INVALID, e.getMessage()));
            return;
        }
        if (file.mappingVersion() == null) {
            context.holding(claim, (c, changes) -> {
                context.pipeline().files().startReading(c, file.id(), version.get().version());
                changes.event(fileEvent(file, FileStatus.PROCESSING, null));
                return null;
            });
        }
        Optional<Path> content = context.landed().current(file);
        if (content.isEmpty()) {
            fail(claim, file, Texts.reason(IssueCode.FILE_UNREADABLE, file.name() + " is no longer in the campaign "
                    + "folder, so it cannot be read; send it again."));
            return;
        }
        readPart(claim, file, campaign, mapping, content.get());
    }

    private void readPart(Claim claim, IngestFile file, Campaign campaign, FieldMapping mapping, Path content)
            throws IOException {
        try (InputStream in = Files.newInputStream(content);
             MetadataRows rows = MetadataRows.open(mapping, context.clock(), file.path(), in)) {
            if (!rows.readable()) {
                fail(claim, file, reasons(rows.fileIssues()));
                return;
            }
            long skip = (long) file.partsDone() * Limits.CSV_SPLIT_ROWS;
            for (long i = 0; i < skip && rows.next() != null; i++) {
                // earlier parts are done; reading them again keeps duplicate references across parts found
            }
            AgentMatching agents = new AgentMatching(context.store().agents(), campaign);
            List<CheckedRecord> chunk = new ArrayList<>(CHUNK_ROWS);
            int read = 0;
            for (CheckedRecord row = read < Limits.CSV_SPLIT_ROWS ? rows.next() : null; row != null;
                 row = read < Limits.CSV_SPLIT_ROWS ? rows.next() : null) {
                chunk.add(row);
                read++;
                if (chunk.size() == CHUNK_ROWS) {
                    apply(claim, file, campaign, agents, chunk);
                    chunk.clear();
                }
            }
            apply(claim, file, campaign, agents, chunk);
            if (read == Limits.CSV_SPLIT_ROWS && rows.next() != null) {
                context.holding(claim, (c, changes) -> {
                    context.pipeline().files().partDone(c, file.id(), file.partsDone() + 1);
                    context.pipeline().work().postpone(c, claim, context.now());
                    changes.queuedWork();
                    return null;
                });
                return;
            }
            finish(claim, file, mapping, rows.readable() ? null : reasons(rows.fileIssues()));
        }
    }

    private void apply(Claim claim, IngestFile file, Campaign campaign, AgentMatching agents,
                       List<CheckedRecord> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<AgentMatching.Match> matches = chunk.stream()
                .map(row -> row.accepted() ? agents.match(row.fields()) : null).toList();
        context.holding(claim, (c, changes) -> {
            Set<Long> recorded = context.pipeline().rows().recordedLines(c, file.id(), chunk.getFirst().line(),
                    chunk.getLast().line());
            List<CsvRow> outcomes = new ArrayList<>();
            List<Association.Metadata> accepted = new ArrayList<>();
            List<Long> acceptedLines = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                CheckedRecord row = chunk.get(i);
                AgentMatching.Match agent = matches.get(i);
                if (recorded.contains(row.line())) {
                    continue;
                }
                if (!row.accepted()) {
                    outcomes.add(new CsvRow(file.id(), row.line(), RowOutcome.FAILED, reasons(row.issues()), null));
                } else if (agent.refusal() != null) {
                    outcomes.add(new CsvRow(file.id(), row.line(), RowOutcome.SKIPPED, agent.refusal(), null));
                } else {
                    accepted.add(new Association.Metadata(row.fields(), agent.agentId(), null));
                    acceptedLines.add(row.line());
                }
            }
            List<Association.Outcome> applied = association.apply(c, changes, campaign, file.batchId(), file,
                    accepted);
            for (int i = 0; i < applied.size(); i++) {
                Association.Outcome outcome = applied.get(i);
                outcomes.add(new CsvRow(file.id(), acceptedLines.get(i), outcome.outcome(), outcome.reason(),
                        outcome.callId()));
            }
            context.pipeline().rows().insertAll(c, outcomes);
            return null;
        });
    }

    /** The whole file is read: it is done (failed when the rest could not be read), and its rows reported. */
    private void finish(Claim claim, IngestFile file, FieldMapping mapping, String unreadableRest) {
        FileStatus status = unreadableRest == null ? FileStatus.COMPLETED : FileStatus.FAILED;
        context.finishing(claim, (c, changes) -> {
            Map<RowOutcome, Long> counts = context.pipeline().rows().counts(c, file.id());
            String reason = summary(file, counts) + (unreadableRest == null ? "" : " " + unreadableRest);
            settle(c, changes, file, status, reason);
            changes.afterCommit(() -> reports.write(file.withStatus(status, reason), mapping.dialect()));
            return null;
        });
    }

    private void fail(Claim claim, IngestFile file, String reason) {
        context.finishing(claim, (c, changes) -> {
            settle(c, changes, file, FileStatus.FAILED, reason);
            return null;
        });
    }

    private void settle(Connection c, Changes changes, IngestFile file, FileStatus status, String reason)
            throws SQLException {
        context.pipeline().files().setStatus(c, file.id(), status, reason);
        context.readingDone(c, changes, file.batchId());
        changes.event(fileEvent(file, status, reason));
        changes.afterCommit(() -> context.landed().settle(file, status));
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        IngestFile file = context.pipeline().files().find(connection, item.subjectId()).orElse(null);
        if (file != null) {
            settle(connection, changes, file, FileStatus.FAILED, reason);
        }
    }

    static String reasons(List<Issue> issues) {
        return issues.stream().filter(Issue::isError).map(Texts::reason).collect(Collectors.joining(" "));
    }

    private static String summary(IngestFile file, Map<RowOutcome, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long refused = counts.getOrDefault(RowOutcome.FAILED, 0L) + counts.getOrDefault(RowOutcome.SKIPPED, 0L);
        String text = String.format("Read %,d data rows: %,d made or updated calls", total, total - refused);
        return refused == 0 ? text + "." : String.format("%s, %,d were refused (see %s/%s).", text, refused,
                LandedFiles.FAILED, LandedFiles.failedRowsName(file.name()));
    }

    private PipelineEvent fileEvent(IngestFile file, FileStatus status, String reason) {
        return context.fileEvent(file, status, reason);
    }
}
