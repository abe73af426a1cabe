package io.callport.server.ingest;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pipeline words its reasons: times in UTC to the minute, issues as their code and sentence. */
final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** A reason as the failed-rows report and the API give it: {@code DATE_UNPARSABLE: '03/11' is not a date...}. */
    static String reason(Issue issue) {
        return reason(issue.code(), issue.message());
    }

    static String reason(IssueCode code, String message) {
        return code.name() + ": " + message;
    }
}
