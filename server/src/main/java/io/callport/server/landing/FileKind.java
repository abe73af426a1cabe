package io.callport.server.landing;

import java.util.Locale;
import java.util.Set;

/** What a file name says the file is, which decides its size limit. */
public enum FileKind {
    RECORDING("a recording"),
    ZIP("a zip"),
    METADATA("a metadata file");

    private static final Set<String> METADATA_EXTENSIONS = Set.of("csv", "tsv", "txt", "json", "xml", "yaml", "yml");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The kind named by the right-most known extension, so that temporary names keep their kind
     * ({@code calls.zip.filepart} is a zip). Anything else is treated as a recording.
     */
    public static FileKind of(String fileName) {
        String[] parts = fileName.toLowerCase(Locale.ROOT).split("\\.");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].equals("zip")) {
                return ZIP;
            }
            if (METADATA_EXTENSIONS.contains(parts[i])) {
                return METADATA;
            }
        }
        return RECORDING;
    }
}
