package io.callport.validate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the issues of a validation run. Counts are always exact; only the first issues of each code in each
 * file are kept, so a million-row file where every row is wrong still validates in bounded memory, and the report
 * stays readable.
 */
public final class IssueCollector {
    public static final int DEFAULT_KEPT_PER_CODE_AND_FILE = 1_000;

    private final int keptPerCodeAndFile;
    private final List<Issue> kept = new ArrayList<>();
    private final Map<String, Map<IssueCode, Integer>> countsByFile = new HashMap<>();
    private final EnumMap<Severity, Long> countsBySeverity = new EnumMap<>(Severity.class);

    public IssueCollector() {
        this(DEFAULT_KEPT_PER_CODE_AND_FILE);
    }

    public IssueCollector(int keptPerCodeAndFile) {
        this.keptPerCodeAndFile = keptPerCodeAndFile;
    }

    public void add(Issue issue) {
        countsBySeverity.merge(issue.severity(), 1L, Long::sum);
        int seen = countsByFile.computeIfAbsent(issue.file(), file -> new EnumMap<>(IssueCode.class))
                .merge(issue.code(), 1, Integer::sum);
        if (seen <= keptPerCodeAndFile) {
            kept.add(issue);
        }
    }

    public void addAll(Iterable<Issue> issues) {
        issues.forEach(this::add);
    }

    public long count(Severity severity) {
        return countsBySeverity.getOrDefault(severity, 0L);
    }

    /** How many issues of a code a file had, including those not kept. */
    public int count(String file, IssueCode code) {
        return countsByFile.getOrDefault(file, Map.of()).getOrDefault(code, 0);
    }

    public ValidationReport report() {
        long omitted = countsBySeverity.values().stream().mapToLong(Long::longValue).sum() - kept.size();
        return new ValidationReport(List.copyOf(kept), count(Severity.ERROR), count(Severity.WARNING),
                count(Severity.INFO), omitted);
    }
}
