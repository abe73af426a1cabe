package io.callport.validate;

import io.callport.mapping.FieldMapping;
import io.callport.naming.FileNames;
import io.callport.sidecar.SidecarReader;
import io.callport.sidecar.SidecarRecord;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks a batch's sidecars (one JSON or XML file of flat fields per recording) with {@link SidecarFields}, and
 * marks the recording each one belongs to.
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
        if (SidecarFields.check(mapping, checker, record, issues::add) != null) {
            claimRecording(name);
        }
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
}
