package io.callport.server.ingest;

import io.callport.archive.SafeZip;
import io.callport.archive.ZipEntryInfo;
import io.callport.archive.ZipLimits;
import io.callport.server.store.Campaign;
import io.callport.server.store.Claim;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.WorkItem;
import io.callport.server.store.WorkKind;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Unpacks a zip of the batch entry by entry with {@link SafeZip} (which refuses the zip attacks the validator
 * checks for and enforces each entry's declared size while it streams). Each safe entry is written once to
 * {@code .unzipped/<zip>/} under the landing root, outside every campaign folder, and recorded as a file of the
 * zip's batch, so its recordings, metadata and sidecars go through the same stages as landed files. An entry
 * recorded before a crash is not unpacked again. The zip itself then moves to {@code processed/}.
 */
final class ZipUnpacking implements Stage {
    private final PipelineContext context;
    private final Intake intake;

    ZipUnpacking(PipelineContext context, Intake intake) {
        this.context = context;
        this.intake = intake;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.UNPACK_ZIP;
    }

    @Override
    public void run(Claim claim) throws IOException {
        IngestFile zip = context.database().read(c -> context.pipeline().files()
                .find(c, claim.items().getFirst().subjectId())).orElse(null);
        if (zip == null || zip.status().isFinal()) {
            context.finishing(claim, (c, changes) -> null);
            return;
        }
        Campaign campaign = context.store().campaigns().find(zip.orgId(), zip.campaignId()).orElseThrow();
        Optional<Path> content = context.landed().current(zip);
        if (content.isEmpty()) {
            finish(claim, zip, FileStatus.FAILED, Texts.reason(IssueCode.FILE_UNREADABLE, zip.name()
                    + " is no longer in the campaign folder; send it again."));
            return;
        }
        try (SafeZip archive = SafeZip.open(content.get(), ZipLimits.defaults())) {
            context.holding(claim, (c, changes) -> {
                context.pipeline().files().setStatus(c, zip.id(), FileStatus.PROCESSING, null);
                return null;
            });
            int[] unpacked = {0};
            archive.read((entry, stream) -> {
                if (unpack(claim, zip, campaign, entry, stream)) {
                    unpacked[0]++;
                }
            });
            List<Issue> errors = archive.issues().stream().filter(Issue::isError).toList();
            String reason = errors.isEmpty() ? null : errors.stream().map(Texts::reason)
                    .collect(Collectors.joining(" "));
            boolean refusedWhole = errors.size() > 0 && archive.entries().isEmpty();
            finish(claim, zip, refusedWhole ? FileStatus.FAILED : FileStatus.COMPLETED, reason);
        }
    }

    /** Writes one entry out and records it; false when it was recorded before (a retried run). */
    private boolean unpack(Claim claim, IngestFile zip, Campaign campaign, ZipEntryInfo entry, InputStream stream)
            throws IOException {
        String uploadId = zip.id() + "!" + entry.path();
        if (context.database().read(c -> context.pipeline().files().findByUploadId(c, uploadId)).isPresent()) {
            return false;
        }
        String location = LandedFiles.unzippedLocation(zip.id(), entry.path());
        Path target = context.landed().pathOf(location);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        MessageDigest sha256 = FolderScan.digest();
        try (InputStream in = new DigestInputStream(stream, sha256); OutputStream out = Files.newOutputStream(partial)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Intake.Arrival arrival = new Intake.Arrival(uploadId, campaign, location, zip.path() + "!/" + entry.path(),
                Files.size(target), HexFormat.of().formatHex(sha256.digest()), zip.source(), context.now(),
                zip.batchId(), zip.id());
        context.holding(claim, (c, changes) -> {
            for (IngestFile file : intake.record(c, changes, List.of(arrival))) {
                if (file.status() == FileStatus.DETECTED && (file.kind() == IngestFileKind.METADATA
                        || file.kind() == IngestFileKind.CRM)) {
                    context.enqueueNow(c, changes, WorkKind.READ_CSV, file.id());
                }
            }
            return null;
        });
        return true;
    }

    private void finish(Claim claim, IngestFile zip, FileStatus status, String reason) {
        context.finishing(claim, (c, changes) -> {
            settle(c, changes, zip, status, reason);
            return null;
        });
    }

    private void settle(Connection c, Changes changes, IngestFile zip, FileStatus status, String reason)
            throws SQLException {
        context.pipeline().files().setStatus(c, zip.id(), status, reason);
        changes.event(context.fileEvent(zip, status, reason));
        context.readingDone(c, changes, zip.batchId());
        changes.afterCommit(() -> context.landed().settle(zip, status));
    }

    @Override
    public void giveUp(Connection connection, Changes changes, WorkItem item, String reason) throws SQLException {
        IngestFile zip = context.pipeline().files().find(connection, item.subjectId()).orElse(null);
        if (zip != null) {
            settle(connection, changes, zip, FileStatus.FAILED, reason);
        }
    }
}
