package io.callport.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.callport.naming.FileNameConvention;
import java.util.ArrayList;
import java.util.List;

/**
 * How to read a customer's metadata files: the same JSON document the Uploader saves, the server stores per
 * campaign and the command line reads ({@code docs/mapping-format.md}).
 *
 * @param dialect    how the CSV is written
 * @param fields     the columns of the required fields
 * @param dateFormat {@code ISO_OFFSET_DATE_TIME} (default) or a {@link java.time.format.DateTimeFormatter} pattern
 * @param timeZone   the zone of dates written without an offset; required with such a pattern
 * @param metadata   extra columns kept with each call
 * @param fileNameConvention how recording names carry metadata; null when they carry none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(CsvDialect dialect, FieldReferences fields, String dateFormat, String timeZone,
                           List<MetadataColumn> metadata, FileNameConvention fileNameConvention) {

    public FieldMapping {
        dialect = dialect == null ? CsvDialect.DEFAULT : dialect;
        dateFormat = dateFormat == null || dateFormat.isBlank() ? ContactDateFormat.ISO_OFFSET_DATE_TIME : dateFormat;
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }

    /** What makes this mapping unusable, as sentences; empty when it can be used. */
    @JsonIgnore
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (fields == null) {
            problems.add("The mapping has no \"fields\": map agentId, contactDate and contactReference to columns.");
        } else {
            requireColumn(problems, "agentId", fields.agentId());
            requireColumn(problems, "contactDate", fields.contactDate());
            requireColumn(problems, "contactReference", fields.contactReference());
        }
        try {
            ContactDateFormat.of(dateFormat, timeZone);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!dialect.header()) {
            allColumnReferences().stream()
                    .filter(column -> !ColumnReference.isPosition(column))
                    .forEach(column -> problems.add("The file has no header, so column '" + column
                            + "' must be a 1-based position such as \"3\"."));
        }
        return problems;
    }

    /** Every column this mapping reads, required fields first, in mapping order. */
    @JsonIgnore
    public List<String> allColumnReferences() {
        List<String> columns = new ArrayList<>();
        if (fields != null) {
            for (String column : new String[] {fields.agentId(), fields.contactDate(), fields.contactReference(),
                    fields.audioFilename()}) {
                if (column != null && !column.isBlank()) {
                    columns.add(column);
                }
            }
        }
        metadata.forEach(column -> columns.add(column.column()));
        return columns;
    }

    private static void requireColumn(List<String> problems, String field, String column) {
        if (column == null || column.isBlank()) {
            problems.add("The required field " + field + " is not mapped to a column.");
        }
    }
}
