package io.callport.validate;

import java.util.List;

/**
 * One call's metadata record after the validator's checks.
 *
 * @param line   the 1-based line the record starts on (0 for a sidecar, whose fields each have their own line)
 * @param cells  the record's values as written: a CSV row's cells, or a sidecar's field values in file order
 * @param fields what the mapping reads from it
 * @param issues what is wrong with it; any error means the record must not be ingested
 */
public record CheckedRecord(long line, List<String> cells, CallFields fields, List<Issue> issues) {

    public CheckedRecord {
        cells = List.copyOf(cells);
        issues = List.copyOf(issues);
    }

    public boolean accepted() {
        return issues.stream().noneMatch(Issue::isError);
    }

    /** The first error, which is the reason the record is refused; null when it is accepted. */
    public Issue firstError() {
        return issues.stream().filter(Issue::isError).findFirst().orElse(null);
    }
}
