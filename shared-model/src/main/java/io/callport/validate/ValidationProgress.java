package io.callport.validate;

/** Hears how far validation has read, to show progress on large files. */
@FunctionalInterface
public interface ValidationProgress {
    ValidationProgress NONE = bytes -> { };

    /** Called as metadata bytes are read; the sum of all calls is the bytes read so far. */
    void advanced(long bytes);
}
