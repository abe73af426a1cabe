package io.callport.validate;

import io.callport.naming.FileNames;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recordings of a batch by file name, and which of them some metadata names, so that rows naming a missing
 * recording and recordings no row names can both be reported.
 */
public final class BatchRecordings {
    private final Map<String, Boolean> referencedByName = new LinkedHashMap<>();

    public BatchRecordings(Collection<String> fileNames) {
        fileNames.forEach(name -> referencedByName.put(fileNameOf(name), false));
    }

    /** Marks the recording a metadata value names; false when the batch has no such recording. */
    public boolean reference(String nameOrPath) {
        return referencedByName.replace(fileNameOf(nameOrPath), true) != null;
    }

    /** Marks the recordings whose name without extension is this one, as a sidecar names its recording. */
    boolean referenceByBaseName(String baseName) {
        boolean found = false;
        for (var entry : referencedByName.entrySet()) {
            if (FileNames.baseName(entry.getKey()).equals(baseName)) {
                entry.setValue(true);
                found = true;
            }
        }
        return found;
    }

    public List<String> unreferenced() {
        return referencedByName.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey)
                .toList();
    }

    /** Metadata may name a recording by a path ("sftp/path/to/call.mp3"); the batch knows it by its name. */
    private static String fileNameOf(String nameOrPath) {
        return FileNames.lastSegment(nameOrPath.strip());
    }
}
