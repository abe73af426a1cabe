package io.callport.server.ingest;

import io.callport.csv.CsvRow;
import io.callport.csv.CsvRowSource;
import io.callport.csv.CsvSyntaxException;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.server.store.Claim;
import io.callport.server.store.CrmObjectRepository.CrmObject;
import io.callport.server.store.FieldMappingVersion;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import io.callport.server.store.IngestFileKind;
import io.callport.server.store.RowOutcome;
import io.callport.server.store.WorkKind;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a CRM object file ({@code contacts*.csv}, {@code leads*}, {@code opportunities*}, {@code cases*},
 * {@code accounts*}) and creates or updates each object by its id: the column {@code id} (or {@code contact_id},
 * {@code lead_id}, ...), else the first column. The file is written like the campaign's call metadata (its
 * mapping's dialect, with a header). A batch's CRM files are read before its call metadata.
 */
final class CrmImport {
    private final PipelineContext context;

    CrmImport(PipelineContext context) {
        this.context = context;
    }

    void run(Claim claim, IngestFile file) throws IOException {
        String type = IngestFileKind.crmObjectType(file.name());
        CsvDialect dialect = context.store().fieldMappings().current(file.campaignId()).map(this::dialectOf)
                .orElse(CsvDialect.DEFAULT).withHeader(true);
        Optional<Path> content = context.landed().current(file);
        String failure = null;
        if (content.isEmpty()) {
            failure = Texts.reason(IssueCode.FILE_UNREADABLE, file.name() + " is no longer in the campaign folder.");
        } else {
            try (InputStream in = Files.newInputStream(content.get());
                 CsvRowSource rows = FastCsvRowSource.open(in, dialect)) {
                failure = upsert(claim, file, type, rows);
            } catch (CsvSyntaxException e) {
                failure = Texts.reason(e.code(), e.getMessage());
            }
        }
        FileStatus status = failure == null ? FileStatus.COMPLETED : FileStatus.FAILED;
        String reason = failure;
        context.finishing(claim, (c, changes) -> {
            Map<RowOutcome, Long> counts = context.pipeline().rows().counts(c, file.id());
            String summary = String.format("Read %,d %s: %,d saved, %,d refused.",
                    counts.values().stream().mapToLong(Long::longValue).sum(), type,
                    counts.getOrDefault(RowOutcome.COMPLETED, 0L), counts.getOrDefault(RowOutcome.FAILED, 0L));
            String text = reason == null ? summary : reason;
            context.pipeline().files().setStatus(c, file.id(), status, text);
            context.readingDone(c, changes, file.batchId());
            changes.event(context.fileEvent(file, status, text));
            changes.afterCommit(() -> context.landed().settle(file, status));
            return null;
        });
    }

    /** Upserts the objects in chunks; returns why the file could not be read, or null. */
    private String upsert(Claim claim, IngestFile file, String type, CsvRowSource rows)
            throws IOException, CsvSyntaxException {
        CsvRow header = rows.next();
        if (header == null) {
            return Texts.reason(IssueCode.FILE_EMPTY, file.name() + " has no rows.");
        }
        List<String> names = List.of(header.cells());
        int idColumn = idColumn(names, type);
        List<CsvRow> chunk = new ArrayList<>();
        for (CsvRow row = rows.next(); row != null; row = rows.next()) {
            chunk.add(row);
            if (chunk.size() == CsvReading.CHUNK_ROWS) {
                save(claim, file, type, names, idColumn, chunk);
                chunk.clear();
            }
        }
        save(claim, file, type, names, idColumn, chunk);
        return null;
    }

    private void save(Claim claim, IngestFile file, String type, List<String> names, int idColumn,
                      List<CsvRow> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        context.holding(claim, (c, changes) -> {
            Set<Long> recorded = context.pipeline().rows().recordedLines(c, file.id(), chunk.getFirst().line(),
                    chunk.getLast().line());
            List<CrmObject> objects = new ArrayList<>();
            List<io.callport.server.store.CsvRow> outcomes = new ArrayList<>();
            for (CsvRow row : chunk) {
                if (recorded.contains(row.line())) {
                    continue;
                }
                String id = row.cell(idColumn);
                if (id == null || id.isBlank()) {
                    outcomes.add(new io.callport.server.store.CsvRow(file.id(), row.line(), RowOutcome.FAILED,
                            Texts.reason(IssueCode.VALUE_REQUIRED, "Line " + row.line() + " has no " + names.get(idColumn)
                                    + "; each " + type + " row needs its id in the CRM."), null));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    String value = row.cell(i);
                    if (i != idColumn && value != null && !value.isBlank()) {
                        fields.put(names.get(i), value.strip());
                    }
                }
                objects.add(new CrmObject(type, id.strip(), fields));
                outcomes.add(new io.callport.server.store.CsvRow(file.id(), row.line(), RowOutcome.COMPLETED, null,
                        null));
            }
            context.pipeline().crmObjects().upsert(c, file.orgId(), file.id(), objects);
            context.pipeline().rows().insertAll(c, outcomes);
            return null;
        });
    }

    private CsvDialect dialectOf(FieldMappingVersion version) {
        try {
            return MappingJson.parse(version.mappingJson()).dialect();
        } catch (InvalidMappingException e) {
            return CsvDialect.DEFAULT;
        }
    }

    /** {@code id}, else {@code <type>_id} or its singular ({@code contact_id}), else the first column. */
    private static int idColumn(List<String> header, String type) {
        String singular = type.endsWith("ies") ? type.substring(0, type.length() - 3) + "y"
                : type.substring(0, type.length() - 1);
        for (String wanted : List.of("id", singular + "_id", singular + "id", type + "_id")) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').equals(wanted)) {
                    return i;
                }
            }
        }
        return 0;
    }
}
