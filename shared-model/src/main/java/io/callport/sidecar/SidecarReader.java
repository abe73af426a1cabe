package io.callport.sidecar;

import io.callport.naming.FileNames;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads sidecar metadata files: one JSON or XML file per recording, named like the recording with another
 * extension, holding flat fields. {@code docs/sidecars.md} describes what is accepted.
 */
public final class SidecarReader {
    /** 1 MiB: sidecars carry a few fields; anything bigger is a mistake or an attack and is not read further. */
    public static final int MAX_SIDECAR_BYTES = 1024 * 1024;

    private static final String JSON = "json";
    private static final String XML = "xml";

    /**
     * Reads one sidecar. The format follows {@code displayName}'s extension; problems with the content become
     * issues of the record.
     *
     * @throws IOException              when {@code content} cannot be read
     * @throws IllegalArgumentException when the name is not a sidecar's ({@link #isSidecarName})
     */
    public SidecarRecord read(String displayName, InputStream content) throws IOException {
        String extension = FileNames.extension(displayName);
        if (!isSidecarName(displayName)) {
            throw new IllegalArgumentException("'%s' is not a sidecar: its name must end in .json or .xml."
                    .formatted(displayName));
        }
        SidecarCollector out = new SidecarCollector(displayName);
        byte[] bytes = content.readNBytes(MAX_SIDECAR_BYTES + 1);
        if (bytes.length > MAX_SIDECAR_BYTES) {
            out.malformed(0, ("The sidecar is larger than 1 MiB (%d bytes); a sidecar holds a few flat fields, so it"
                    + " was not read further.").formatted(MAX_SIDECAR_BYTES));
        } else if (bytes.length == 0) {
            out.malformed(0, "The sidecar is empty (0 bytes).");
        } else if (extension.equals(JSON)) {
            JsonSidecar.read(bytes, out);
        } else {
            XmlSidecar.read(bytes, out);
        }
        return out.toRecord();
    }

    /** True for names ending in .json or .xml, in any case. */
    public static boolean isSidecarName(String fileName) {
        String extension = FileNames.extension(fileName);
        return extension.equals(JSON) || extension.equals(XML);
    }

    /** The name a sidecar's recording starts with: {@code x/20261102-083700_outbound_478.json} gives {@code 20261102-083700_outbound_478}. */
    public static String recordingBaseName(String fileName) {
        return FileNames.baseName(fileName);
    }
}
