package io.callport.ui.batch;

import io.callport.ui.common.Messages;
import io.callport.validate.Issue;
import io.callport.validate.Severity;
import java.util.Locale;

/** Which issues the report table shows by severity. */
public enum SeverityFilter {
    ALL(null), ERRORS(Severity.ERROR), WARNINGS(Severity.WARNING), NOTES(Severity.INFO);

    private final Severity severity;

    SeverityFilter(Severity severity) {
        this.severity = severity;
    }

    boolean shows(Issue issue) {
        return severity == null || issue.severity() == severity;
    }

    @Override
    public String toString() {
        return Messages.text("batch.filter." + name().toLowerCase(Locale.ROOT));
    }
}
