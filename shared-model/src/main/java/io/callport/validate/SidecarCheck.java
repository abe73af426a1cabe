package io.callport.validate;

import io.callport.mapping.ColumnReference;
import io.callport.mapping.FieldMapping;
import io.callport.naming.FileNames;
import io.callport.sidecar.SidecarField;
import io.callport.sidecar.SidecarReader;
import io.callport.sidecar.SidecarRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Checks sidecars (one JSON or XML file of flat fields per recording) through the same mapping as CSV files: the
 * field names play the header's part, and each value keeps the line it is on.
 */
final class SidecarCheck {
    private final SidecarReader reader = new SidecarReader();
    private final FieldMapping mapping;
    private final RecordChecker checker;
    private final BatchRecordings recordings;
    private final IssueCollector issues;

    SidecarCheck(FieldMapping mapping, RecordChecker checker, BatchRecordings recordings, IssueCollector issues) {
        this.mapping = mapping;
        this.checker = checker;
        this.recordings = recordings;
        this.issues = issues;
    }

    void check(String name, InputStream content) throws IOException {
        SidecarRecord record = reader.read(name, content);
        issues.addAll(record.issues());
        if (record.issues().stream().anyMatch(Issue::isError)) {
            return;
        }
        List<String> keys = List.copyOf(record.fields().keySet());
        ColumnPlan plan = ColumnPlan.resolve(mapping, ColumnReference.byHeader(keys));
        reportMissingRequired(name, plan);
        List<SidecarField> values = List.copyOf(record.fields().values());
        checker.bind(name, plan, index -> keys.get(index)).check(new FieldsView(values), issues);
        claimRecording(name);
    }

    /** A sidecar belongs to the recording with its base name; without one it is a metadata-only upload. */
    private void claimRecording(String name) {
        if (recordings == null) {
            return;
        }
        String baseName = SidecarReader.recordingBaseName(name);
        boolean found = recordings.referenceByBaseName(baseName);
        if (!found) {
            issues.add(Issue.ofFile(IssueCode.SIDECAR_ORPHAN, name, "No recording named " + baseName
                    + ".* is in the batch, so " + FileNames.lastSegment(name)
                    + " is read as a metadata update for a call received earlier."));
        }
    }

    private void reportMissingRequired(String name, ColumnPlan plan) {
        var fields = mapping.fields();
        String[][] required = {{fields.agentId(), "agent"}, {fields.contactDate(), "contact date"},
                {fields.contactReference(), "contact reference"}};
        for (String[] field : required) {
            if (plan.missing().contains(field[0])) {
                issues.add(Issue.ofCell(IssueCode.COLUMN_MISSING, name, 0, field[0], null, "The sidecar has no field '"
                        + field[0] + "', which the mapping reads as the " + field[1] + "."));
            }
        }
    }

    /** A sidecar's fields in file order, each on its own line. */
    private record FieldsView(List<SidecarField> fields) implements RecordView {
        @Override
        public String value(int column) {
            return column >= 0 && column < fields.size() ? fields.get(column).value() : null;
        }

        @Override
        public long line(int column) {
            return fields.get(column).line();
        }
    }
}
