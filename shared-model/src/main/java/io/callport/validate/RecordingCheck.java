package io.callport.validate;

import io.callport.media.MediaProbe;
import io.callport.media.ProbeResult;
import io.callport.naming.FileNameConvention;
import io.callport.naming.FileNames;
import io.callport.naming.NameExtraction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Checks each recording: its content is probed (type, duration, channels), and when the campaign's recordings
 * carry metadata in their names, the name is read by the convention.
 */
final class RecordingCheck {
    private final MediaProbe probe = new MediaProbe();
    private final FileNameConvention convention;
    private final BatchRecordings recordings;
    private final IssueCollector issues;

    RecordingCheck(FileNameConvention convention, BatchRecordings recordings, IssueCollector issues) {
        this.convention = convention;
        this.recordings = recordings;
        this.issues = issues;
    }

    /** A recording on disk, probed by random access: headers and tail only. */
    void check(String name, Path file) throws IOException {
        report(name, probe.probe(file));
    }

    /** A recording inside a zip, probed in its single pass. */
    void check(String name, long size, InputStream content) throws IOException {
        report(name, probe.probe(name, size, content));
    }

    boolean conventionUsed() {
        return convention != null;
    }

    private void report(String name, ProbeResult result) {
        issues.addAll(result.issues());
        if (convention == null) {
            return;
        }
        NameExtraction extraction = convention.extract(FileNames.lastSegment(name));
        extraction.issues().forEach(issue -> issues.add(new Issue(issue.code(), issue.severity(), name, issue.line(),
                issue.column(), issue.value(), issue.message())));
        if (recordings != null && extraction.issues().stream().noneMatch(Issue::isError)) {
            recordings.reference(name);
        }
    }
}
