package io.callport.validate;

import java.nio.file.Path;

/**
 * A file of a batch on disk.
 *
 * @param name the name the user knows it by, used in issues
 * @param path where it is
 */
public record BatchFile(String name, Path path) {

    public static BatchFile of(Path path) {
        return new BatchFile(path.getFileName().toString(), path);
    }

    public BatchFileKind kind() {
        return BatchFileKind.of(name);
    }
}
