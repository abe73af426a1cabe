package io.callport.validate;

import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.FieldMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;

/**
 * Validates a batch, the unit a contact center uploads: metadata files and the recordings they name. The
 * Uploader runs it offline before uploading and the server runs it on what arrives, so both report the same
 * issues with the same codes.
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
        var problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        this.mapping = mapping;
        this.clock = clock;
        this.rowSources = rowSources;
    }

    public ValidationReport validate(Batch batch) throws IOException {
        return validate(batch, new IssueCollector(), ValidationProgress.NONE);
    }

    public ValidationReport validate(Batch batch, IssueCollector issues, ValidationProgress progress)
            throws IOException {
        BatchRecordings recordings = batch.recordingsKnown()
                ? new BatchRecordings(batch.recordings().stream().map(BatchFile::name).toList()) : null;
        RecordChecker checker = new RecordChecker(mapping, clock, recordings);
        MetadataFileValidator metadataValidator = new MetadataFileValidator(mapping, checker, rowSources);
        for (BatchFile file : batch.metadataFiles()) {
            try (InputStream content = new ProgressInputStream(Files.newInputStream(file.path()), progress)) {
                metadataValidator.validate(file.name(), content, issues);
            }
        }
        if (recordings != null && mapping.fields().audioFilename() != null && !batch.metadataFiles().isEmpty()) {
            reportUnreferenced(recordings, issues);
        }
        return issues.report();
    }

    private static void reportUnreferenced(BatchRecordings recordings, IssueCollector issues) {
        for (String name : recordings.unreferenced()) {
            issues.add(Issue.ofFile(IssueCode.RECORDING_UNREFERENCED, name, "No metadata names the recording "
                    + name + ", so it has no agent or date; it will wait for metadata for up to "
                    + Limits.ASSOCIATION_LOOKBACK.toDays() + " days."));
        }
    }
}
