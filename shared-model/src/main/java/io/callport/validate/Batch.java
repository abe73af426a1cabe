package io.callport.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of one upload, grouped by what they are.
 *
 * @param metadataFiles   CSV/TSV files with one row per call
 * @param recordings      audio and video recordings
 * @param others          files that are none of these
 * @param recordingsKnown whether the recordings of the batch are known; when a CSV is validated on its own, the
 *                        recording names it holds cannot be checked
 */
public record Batch(List<BatchFile> metadataFiles, List<BatchFile> recordings, List<BatchFile> others,
                    boolean recordingsKnown) {

    private static final List<String> METADATA_EXTENSIONS = List.of("csv", "tsv", "txt");
    private static final List<String> RECORDING_EXTENSIONS = List.of("wav", "mp3", "mp4", "m4a", "mpg", "mpeg",
            "wma", "wmv", "webm", "aiff", "aif", "flac", "ogg", "opus", "gsm", "au", "arf");

    /**
     * Groups files and the contents of folders (recursively, hidden files skipped) by their names.
     *
     * @param inputs     files and folders the user named or dropped
     * @param mediaDirs  folders that hold the batch's recordings; naming one says the recordings are known even
     *                   when it is empty
     */
    public static Batch collect(Collection<Path> inputs, Collection<Path> mediaDirs) throws IOException {
        List<BatchFile> metadata = new ArrayList<>();
        List<BatchFile> recordings = new ArrayList<>();
        List<BatchFile> others = new ArrayList<>();
        List<Path> all = new ArrayList<>();
        for (Path input : concat(inputs, mediaDirs)) {
            all.addAll(filesIn(input));
        }
        for (Path file : all.stream().distinct().toList()) {
            String extension = extensionOf(file.getFileName().toString());
            BatchFile batchFile = BatchFile.of(file);
            if (METADATA_EXTENSIONS.contains(extension)) {
                metadata.add(batchFile);
            } else if (RECORDING_EXTENSIONS.contains(extension)) {
                recordings.add(batchFile);
            } else {
                others.add(batchFile);
            }
        }
        return new Batch(metadata, recordings, others, !mediaDirs.isEmpty() || !recordings.isEmpty());
    }

    private static List<Path> concat(Collection<Path> first, Collection<Path> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static List<Path> filesIn(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            if (!Files.isReadable(input)) {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "cannot be read");
            }
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
