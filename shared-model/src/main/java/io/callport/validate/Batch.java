package io.callport.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one upload: metadata, sidecars, recordings and zips holding more of them.
 *
 * @param files           the files, in the order they were given
 * @param recordingsKnown whether the batch's recordings are known; when a CSV is validated on its own, the
 *                        recording names its rows hold cannot be checked
 */
public record Batch(List<BatchFile> files, boolean recordingsKnown) {

    public Batch {
        files = List.copyOf(files);
    }

    /**
     * The files and the contents of folders (recursively, hidden files skipped) the user named or dropped.
     *
     * @param mediaDirs folders that hold the batch's recordings; naming one says the recordings are known even
     *                  when it is empty
     * @throws NoSuchFileException when an input does not exist or cannot be read
     */
    public static Batch collect(Collection<Path> inputs, Collection<Path> mediaDirs) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path input : Stream.concat(inputs.stream(), mediaDirs.stream()).toList()) {
            files.addAll(filesIn(input));
        }
        List<BatchFile> batchFiles = files.stream().map(BatchFile::of).toList();
        boolean recordingsKnown = !mediaDirs.isEmpty()
                || batchFiles.stream().anyMatch(file -> file.kind() != BatchFileKind.METADATA);
        return new Batch(batchFiles, recordingsKnown);
    }

    public List<BatchFile> filesOf(BatchFileKind kind) {
        return files.stream().filter(file -> file.kind() == kind).toList();
    }

    private static List<Path> filesIn(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            if (!Files.isReadable(input)) {
                throw new NoSuchFileException(input.toString(), null, "cannot be read");
            }
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            List<Path> found = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted().forEach(found::add);
            return found;
        }
    }
}
