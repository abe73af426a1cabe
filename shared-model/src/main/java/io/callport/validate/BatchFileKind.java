package io.callport.validate;

import io.callport.media.MediaProbe;
import io.callport.naming.FileNames;
import io.callport.sidecar.SidecarReader;
import java.util.Set;

/** What a file of a batch is, by its name; a recording's real type is then checked by its content. */
public enum BatchFileKind {
    /** A CSV or TSV with one row per call. */
    METADATA,
    /** A JSON or XML file with one call's fields, named like its recording. */
    SIDECAR,
    /** An audio or video recording. */
    RECORDING,
    /** A zip holding any of the above. */
    ARCHIVE,
    /** Anything else. */
    OTHER;

    private static final Set<String> METADATA_EXTENSIONS = Set.of("csv", "tsv", "txt");

    public static BatchFileKind of(String name) {
        String extension = FileNames.extension(name);
        if (METADATA_EXTENSIONS.contains(extension)) {
            return METADATA;
        }
        if (extension.equals("zip")) {
            return ARCHIVE;
        }
        if (SidecarReader.isSidecarName(name)) {
            return SIDECAR;
        }
        return MediaProbe.looksLikeRecording(name) ? RECORDING : OTHER;
    }
}
