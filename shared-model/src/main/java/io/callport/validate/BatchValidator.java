package io.callport.validate;

import io.callport.archive.SafeZip;
import io.callport.archive.ZipEntryInfo;
import io.callport.archive.ZipLimits;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.FieldMapping;
import io.callport.naming.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a batch, the unit a contact center uploads: metadata files, sidecars, recordings, and zips holding
 * them. The Uploader runs it offline before uploading and the server runs it on what arrives, so both report the
 * same issues with the same codes. Every file is read once, as a stream; zips are never unpacked to disk.
 */
public final class BatchValidator {
    private final FieldMapping mapping;
    private final Clock clock;
    private final MetadataFileValidator.RowSourceFactory rowSources;

    public BatchValidator(FieldMapping mapping, Clock clock) {
        this(mapping, clock, FastCsvRowSource::open);
    }

    /** With another CSV parser: the benchmark that chose FastCSV measures the others through here. */
    BatchValidator(FieldMapping mapping, Clock clock, MetadataFileValidator.RowSourceFactory rowSources) {
        MetadataRows.requireUsable(mapping);
        this.mapping = mapping;
        this.clock = clock;
        this.rowSources = rowSources;
    }

    public ValidationReport validate(Batch batch) throws IOException {
        return validate(batch, new IssueCollector(), ValidationProgress.NONE);
    }

    public ValidationReport validate(Batch batch, IssueCollector issues, ValidationProgress progress)
            throws IOException {
        List<SafeZip> archives = new ArrayList<>();
        try {
            for (BatchFile archive : batch.filesOf(BatchFileKind.ARCHIVE)) {
                SafeZip zip = SafeZip.open(archive.path(), ZipLimits.defaults());
                archives.add(zip);
            }
            Run run = new Run(recordingsOf(batch, archives), issues, progress);
            for (BatchFile file : batch.files()) {
                run.checkName(file.name());
                if (file.kind() == BatchFileKind.RECORDING) {
                    run.recordings.check(file.name(), file.path());
                } else if (file.kind() != BatchFileKind.ARCHIVE) {
                    try (InputStream content = Files.newInputStream(file.path())) {
                        run.check(file.name(), file.kind(), content, Files.size(file.path()));
                    }
                }
            }
            for (SafeZip zip : archives) {
                zip.read((entry, content) -> run.check(entryName(zip, entry), BatchFileKind.of(entry.path()),
                        content, entry.declaredSize()));
                issues.addAll(zip.issues());
            }
            run.finish();
        } finally {
            for (SafeZip zip : archives) {
                zip.close();
            }
        }
        return issues.report();
    }

    /** The batch's recordings by name, from the folder and inside zips; null when they are unknown. */
    private static BatchRecordings recordingsOf(Batch batch, List<SafeZip> archives) {
        if (!batch.recordingsKnown()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        batch.filesOf(BatchFileKind.RECORDING).forEach(file -> names.add(file.name()));
        for (SafeZip zip : archives) {
            zip.entries().stream().filter(entry -> BatchFileKind.of(entry.path()) == BatchFileKind.RECORDING)
                    .forEach(entry -> names.add(entry.fileName()));
        }
        return new BatchRecordings(names);
    }

    private static String entryName(SafeZip zip, ZipEntryInfo entry) {
        return zip.displayName() + "!/" + entry.path();
    }

    /** One validation of one batch: the checkers share what they learn about the batch's recordings. */
    private final class Run {
        private final BatchRecordings batchRecordings;
        private final IssueCollector issues;
        private final ValidationProgress progress;
        private final MetadataFileValidator metadata;
        private final SidecarCheck sidecars;
        private final RecordingCheck recordings;
        private boolean metadataNamesRecordings;

        Run(BatchRecordings batchRecordings, IssueCollector issues, ValidationProgress progress) {
            this.batchRecordings = batchRecordings;
            this.issues = issues;
            this.progress = progress;
            RecordChecker checker = new RecordChecker(mapping, clock, batchRecordings);
            this.metadata = new MetadataFileValidator(mapping, checker, rowSources);
            this.sidecars = new SidecarCheck(mapping, checker, batchRecordings, issues);
            this.recordings = new RecordingCheck(mapping.fileNameConvention(), batchRecordings, issues);
        }

        /** A zip's entries have their names checked when the zip is opened; files on disk have theirs here. */
        void checkName(String name) {
            FileNameRules.problem(name).ifPresent(problem -> issues.add(Issue.ofFile(IssueCode.FILE_NAME_INVALID, name,
                    "The name \"" + FileNameRules.printable(name) + "\" " + problem + "; rename the file without it.")));
        }

        void check(String name, BatchFileKind kind, InputStream content, long size) throws IOException {
            switch (kind) {
                case METADATA -> {
                    metadata.validate(name, new ProgressInputStream(content, progress), issues);
                    metadataNamesRecordings |= mapping.fields().audioFilename() != null;
                }
                case SIDECAR -> sidecars.check(name, content);
                case RECORDING -> recordings.check(name, size, content);
                case ARCHIVE -> issues.add(Issue.ofFile(IssueCode.FILE_TYPE_UNKNOWN, name, FileNames.lastSegment(name)
                        + " is a zip inside a zip; put its files in the outer zip instead."));
                case OTHER -> issues.add(Issue.ofFile(IssueCode.FILE_TYPE_UNKNOWN, name, FileNames.lastSegment(name)
                        + " is not a recording, a CSV, a JSON or XML sidecar, or a zip, so it will be ignored."));
            }
        }

        void finish() {
            if (batchRecordings == null || !metadataNamesRecordings && !recordings.conventionUsed()) {
                return;
            }
            for (String name : batchRecordings.unreferenced()) {
                issues.add(Issue.ofFile(IssueCode.RECORDING_UNREFERENCED, name, "No metadata names the recording "
                        + name + ", so it has no agent or date; it will wait for metadata for up to "
                        + Limits.ASSOCIATION_LOOKBACK.toDays() + " days."));
            }
        }
    }
}
