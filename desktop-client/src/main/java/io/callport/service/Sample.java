package io.callport.service;

import io.callport.csv.DetectedDialect;
import java.nio.file.Path;

/**
 * The start of a sample metadata file, as the mapping wizard works with it.
 *
 * @param file     where it is
 * @param size     its size in bytes
 * @param head     its first {@value SampleService#SAMPLE_BYTES} bytes at most (not copied: treat as read-only)
 * @param complete whether the head is the whole file
 * @param detected how the file seems to be written, and the mapping suggested for it
 */
public record Sample(Path file, long size, byte[] head, boolean complete, DetectedDialect detected) {

    public String name() {
        return file.getFileName().toString();
    }
}
