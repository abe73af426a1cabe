package io.callport.validate;

import io.callport.mapping.ColumnReference;
import io.callport.mapping.FieldMapping;
import io.callport.sidecar.SidecarField;
import io.callport.sidecar.SidecarRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sidecar's fields read through a mapping as one call's record: the field names play the header's part, and
 * each value keeps the line it is on. The validator and the server's ingestion read sidecars through here.
 */
public final class SidecarFields {
    private SidecarFields() {
    }

    /**
     * Checks a sidecar read by {@link io.callport.sidecar.SidecarReader} and reads its call fields. The sidecar's
     * own issues (malformed, nested, forbidden) come first; with any error among them the fields are not checked.
     *
     * @throws IllegalArgumentException when the mapping itself is unusable
     */
    public static CheckedRecord check(FieldMapping mapping, Clock clock, SidecarRecord sidecar) {
        MetadataRows.requireUsable(mapping);
        List<Issue> issues = new ArrayList<>();
        CallFields fields = check(mapping, new RecordChecker(mapping, clock, null), sidecar, issues::add);
        List<String> values = sidecar.fields().values().stream().map(SidecarField::value).toList();
        return new CheckedRecord(0, values, fields, issues);
    }

    /** Tells the sidecar's issues and its record's to {@code issues}; returns its fields, or null when unreadable. */
    static CallFields check(FieldMapping mapping, RecordChecker checker, SidecarRecord sidecar,
                            Consumer<Issue> issues) {
        sidecar.issues().forEach(issues);
        if (sidecar.issues().stream().anyMatch(Issue::isError)) {
            return null;
        }
        List<String> keys = List.copyOf(sidecar.fields().keySet());
        ColumnPlan plan = ColumnPlan.resolve(mapping, ColumnReference.byHeader(keys));
        reportMissingRequired(mapping, sidecar.file(), plan, issues);
        FieldsView view = new FieldsView(List.copyOf(sidecar.fields().values()));
        RecordChecker.Bound rules = checker.bind(sidecar.file(), plan, keys::get);
        rules.check(view, issues);
        return rules.fields(view);
    }

    private static void reportMissingRequired(FieldMapping mapping, String file, ColumnPlan plan,
                                              Consumer<Issue> issues) {
        var fields = mapping.fields();
        String[][] required = {{fields.agentId(), "agent"}, {fields.contactDate(), "contact date"},
                {fields.contactReference(), "contact reference"}};
        for (String[] field : required) {
            if (plan.missing().contains(field[0])) {
                issues.accept(Issue.ofCell(IssueCode.COLUMN_MISSING, file, 0, field[0], null, "The sidecar has no field '"
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
