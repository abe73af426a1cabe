package io.callport.validate;

import io.callport.mapping.ContactDateFormat;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.MetadataColumn;
import java.time.Clock;
import java.time.Instant;
import io.callport.naming.FileNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The checks every call's metadata gets, whether it came as a CSV row or a sidecar file: required values, the
 * contact date, the recording it names, typed metadata values and spreadsheet formulas.
 */
final class RecordChecker {
    private final FieldMapping mapping;
    private final ContactDateFormat dateFormat;
    private final Clock clock;
    private final BatchRecordings recordings;

    /**
     * @param recordings the batch's recordings, or null when the batch's recordings are unknown (validating a CSV
     *                   without its media), in which case recording names are not checked
     */
    RecordChecker(FieldMapping mapping, Clock clock, BatchRecordings recordings) {
        this.mapping = mapping;
        this.dateFormat = ContactDateFormat.of(mapping.dateFormat(), mapping.timeZone());
        this.clock = clock;
        this.recordings = recordings;
    }

    /** A single file's view of the checker: where its columns are and what they are called. */
    Bound bind(String file, ColumnPlan plan, IntFunction<String> columnName) {
        return new Bound(file, plan, columnName);
    }

    final class Bound {
        private final String file;
        private final ColumnPlan plan;
        private final IntFunction<String> columnName;

        private Bound(String file, ColumnPlan plan, IntFunction<String> columnName) {
            this.file = file;
            this.plan = plan;
            this.columnName = columnName;
        }

        /** Checks one record; returns its contact reference when it has one, for the caller's duplicate check. */
        String check(RecordView record, Consumer<Issue> issues) {
            required(record, plan.agentId(), "agent", issues);
            String reference = required(record, plan.contactReference(), "contact reference", issues);
            String date = required(record, plan.contactDate(), "contact date", issues);
            if (date != null) {
                checkDate(record, date, issues);
            }
            checkRecording(record, issues);
            checkMetadata(record, issues);
            return reference;
        }

        /** What the mapping reads from a record; blank values read as absent. */
        CallFields fields(RecordView record) {
            String date = valueAt(record, plan.contactDate());
            String recording = valueAt(record, plan.audioFilename());
            Map<String, String> metadata = new LinkedHashMap<>();
            List<MetadataColumn> columns = mapping.metadata();
            for (int i = 0; i < columns.size(); i++) {
                String value = valueAt(record, plan.metadata()[i]);
                if (value != null) {
                    MetadataColumn column = columns.get(i);
                    metadata.put(column.name(), column.values().getOrDefault(value, value));
                }
            }
            return new CallFields(valueAt(record, plan.agentId()), date, date == null ? null : dateFormat.parse(date),
                    valueAt(record, plan.contactReference()),
                    recording == null ? null : FileNames.lastSegment(recording), metadata);
        }

        /** Formula checks run on every cell, mapped or not: the whole file may be opened in a spreadsheet. */
        void checkFormulas(RecordView record, int width, Consumer<Issue> issues) {
            for (int column = 0; column < width; column++) {
                String value = record.value(column);
                if (value != null && Formulas.looksLikeFormula(value)) {
                    issues.accept(Issue.ofCell(IssueCode.FORMULA_INJECTION, file, record.line(column),
                            columnName.apply(column), value, "The value in column " + columnName.apply(column)
                                    + " starts with '" + value.charAt(0) + "', which a spreadsheet would run as a"
                                    + " formula. Remove the leading character or put an apostrophe before it."));
                }
            }
        }

        private static String valueAt(RecordView record, int column) {
            String value = column < 0 ? null : record.value(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private String required(RecordView record, int column, String what, Consumer<Issue> issues) {
            if (column < 0) {
                return null;
            }
            String value = record.value(column);
            if (value == null) {
                return null;
            }
            if (value.isBlank()) {
                issues.accept(Issue.ofCell(IssueCode.VALUE_REQUIRED, file, record.line(column), columnName.apply(column),
                        value, "The " + what + " is empty; every call needs one (column "
                                + columnName.apply(column) + ")."));
                return null;
            }
            return value;
        }

        private void checkDate(RecordView record, String text, Consumer<Issue> issues) {
            int column = plan.contactDate();
            Instant instant = dateFormat.parse(text);
            if (instant == null) {
                issues.accept(Issue.ofCell(IssueCode.DATE_UNPARSABLE, file, record.line(column),
                        columnName.apply(column), text, "'" + text + "' is not a date in the expected format ("
                                + dateFormat.describe() + ")."));
            } else if (instant.isAfter(clock.instant().plus(Limits.FUTURE_DATE_TOLERANCE))) {
                issues.accept(Issue.ofCell(IssueCode.DATE_IN_FUTURE, file, record.line(column), columnName.apply(column),
                        text, "The contact date " + text + " is in the future; check the date and its time zone."));
            }
        }

        private void checkRecording(RecordView record, Consumer<Issue> issues) {
            int column = plan.audioFilename();
            if (column < 0 || recordings == null) {
                return;
            }
            String name = record.value(column);
            if (name != null && !name.isBlank() && !recordings.reference(name)) {
                issues.accept(Issue.ofCell(IssueCode.AUDIO_NOT_IN_BATCH, file, record.line(column),
                        columnName.apply(column), name, "The recording " + name
                                + " is not in this batch; add it, or upload it before this file."));
            }
        }

        private void checkMetadata(RecordView record, Consumer<Issue> issues) {
            List<MetadataColumn> columns = mapping.metadata();
            for (int i = 0; i < columns.size(); i++) {
                int column = plan.metadata()[i];
                String value = column < 0 ? null : record.value(column);
                if (value == null || value.isBlank()) {
                    continue;
                }
                MetadataColumn metadata = columns.get(i);
                String problem = MetadataValues.problem(metadata, value, dateFormat);
                if (problem != null) {
                    issues.accept(Issue.ofCell(IssueCode.VALUE_INVALID, file, record.line(column),
                            columnName.apply(column), value, problem));
                } else if (!metadata.values().isEmpty() && !metadata.values().containsKey(value.strip())) {
                    issues.accept(Issue.ofCell(IssueCode.VALUE_UNMAPPED, file, record.line(column),
                            columnName.apply(column), value, "'" + value + "' has no label in the value map of "
                                    + metadata.name() + "; it will be kept as it is."));
                }
            }
        }
    }
}
