package io.callport.sidecar;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers a sidecar's fields and issues while a format reader walks the file; the same rules for JSON and XML. */
final class SidecarCollector {
    private final String file;
    private final Map<String, SidecarField> fields = new LinkedHashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    SidecarCollector(String file) {
        this.file = file;
    }

    /** Keeps the first value of a field given twice: which one the sender meant cannot be told. */
    void field(String name, String value, long line) {
        SidecarField first = fields.putIfAbsent(name, new SidecarField(value, line));
        if (first != null) {
            issues.add(Issue.ofCell(IssueCode.SIDECAR_MALFORMED, file, line, name, value,
                    "The field '%s' at line %d was already given at line %d; each field must appear once."
                            .formatted(name, line, first.line())));
        }
    }

    void nested(String name, long line, String what) {
        issues.add(Issue.ofCell(IssueCode.SIDECAR_NESTED, file, line, name, null,
                "The field '%s' at line %d %s; only flat fields are read, so it is left out."
                        .formatted(name, line, what)));
    }

    void malformed(long line, String message) {
        issues.add(Issue.ofCell(IssueCode.SIDECAR_MALFORMED, file, line, null, null, message));
    }

    void forbidden(long line, String message) {
        issues.add(Issue.ofCell(IssueCode.SIDECAR_FORBIDDEN_CONSTRUCT, file, line, null, null, message));
    }

    SidecarRecord toRecord() {
        return new SidecarRecord(file, fields, issues);
    }
}
