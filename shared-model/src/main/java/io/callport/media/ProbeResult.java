package io.callport.media;

import io.callport.validate.Issue;

import java.util.List;

/**
 * The outcome of probing one recording.
 *
 * @param info   what the recording holds; {@code null} when it is not a usable recording (any error issue)
 * @param issues what is wrong or worth knowing; empty for a sound recording
 */
public record ProbeResult(MediaInfo info, List<Issue> issues) {

    public ProbeResult {
        issues = List.copyOf(issues);
    }

    /** Whether the recording can be taken in: no issue is an error (warnings are allowed). */
    public boolean accepted() {
        return issues.stream().noneMatch(Issue::isError);
    }
}
