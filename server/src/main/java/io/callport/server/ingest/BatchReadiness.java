package io.callport.server.ingest;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.server.store.FieldMappingVersion;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.validate.CheckedRecord;
import io.callport.validate.Limits;
import io.callport.validate.MetadataRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an open batch has nothing left to wait for: it has its CSVs, and every row of them that the validator
 * accepts names a recording that has arrived and waits for its row (in this batch, or in the campaign during the
 * association look-back), or names none. Such a batch need not wait out its window. The CSVs are read here
 * without writing anything, outside any transaction; a CSV that cannot be read yet leaves the batch waiting.
 */
final class BatchReadiness {
    /** How many batches' missing recordings are remembered: those whose CSVs came while files still arrive. */
    private static final int REMEMBERED = 64;

    private final PipelineContext context;
    /**
     * Per batch, a recording a row names that had not arrived when last looked, and since when it was looked for:
     * while it still has not, the batch waits, without its CSVs being read again on every arrival.
     */
    private final Map<String, Missing> missing = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Missing> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private record Missing(String name, Instant since) {
    }

    BatchReadiness(PipelineContext context) {
        this.context = context;
    }

    boolean hasEverything(IngestBatch batch) throws IOException {
        Missing lastMissing = missing.get(batch.id());
        if (lastMissing != null && !notArrived(batch, Set.of(lastMissing.name()), lastMissing.since()).isEmpty()) {
            return false;
        }
        List<IngestFile> csvs = context.database().read(c -> context.pipeline().files().inBatch(c, batch.id(),
                IngestFileKind.METADATA, FileStatus.DETECTED));
        if (csvs.isEmpty()) {
            return false;
        }
        Optional<FieldMapping> mapping = mapping(batch);
        if (mapping.isEmpty()) {
            return false;
        }
        for (IngestFile csv : csvs) {
            Optional<Path> content = context.landed().current(csv);
            if (content.isEmpty() || !everyRowHasItsRecording(batch, csv, mapping.get(), content.get())) {
                return false;
            }
        }
        return true;
    }

    private boolean everyRowHasItsRecording(IngestBatch batch, IngestFile csv, FieldMapping mapping, Path content)
            throws IOException {
        try (InputStream in = Files.newInputStream(content);
             MetadataRows rows = MetadataRows.open(mapping, context.clock(), csv.path(), in)) {
            if (!rows.readable()) {
                return false;
            }
            Set<String> named = new HashSet<>();
            for (CheckedRecord row = rows.next(); row != null; row = rows.next()) {
                if (row.accepted() && row.fields().recording() != null) {
                    named.add(row.fields().recording());
                }
                if (named.size() == CsvReading.CHUNK_ROWS && !allArrived(batch, csv, named)) {
                    return false;
                }
            }
            return rows.readable() && allArrived(batch, csv, named);
        }
    }

    /**
     * Whether the recordings of these names have all arrived (else one that has not is remembered); {@code names}
     * is emptied for the next ones.
     */
    private boolean allArrived(IngestBatch batch, IngestFile csv, Set<String> names) {
        Instant since = csv.arrivedAt().minus(Limits.ASSOCIATION_LOOKBACK);
        Set<String> notArrived = notArrived(batch, names, since);
        names.clear();
        if (notArrived.isEmpty()) {
            missing.remove(batch.id());
            return true;
        }
        missing.put(batch.id(), new Missing(notArrived.iterator().next(), since));
        return false;
    }

    /** Those of the names that no recording waiting for its row (arrived since {@code since}) has. */
    private Set<String> notArrived(IngestBatch batch, Set<String> names, Instant since) {
        Set<String> notArrived = new HashSet<>(names);
        notArrived.removeAll(context.database().read(c -> context.pipeline().files().waitingRecordings(c,
                batch.campaignId(), names, since)).keySet());
        return notArrived;
    }

    /** The mapping the CSVs will be read with: the campaign's current one. */
    private Optional<FieldMapping> mapping(IngestBatch batch) {
        Optional<FieldMappingVersion> version = context.store().fieldMappings().current(batch.campaignId());
        try {
            return version.isEmpty() ? Optional.empty() : Optional.of(MappingJson.parse(version.get().mappingJson()));
        } catch (InvalidMappingException e) {
            return Optional.empty();
        }
    }
}
