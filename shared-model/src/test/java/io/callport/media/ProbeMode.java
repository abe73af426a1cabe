package io.callport.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two ways a recording is probed: a file on disk, or a stream read once (as from a zip entry). */
enum ProbeMode {
    RANDOM_ACCESS {
        @Override
        ProbeResult probe(MediaProbe probe, Path file) throws IOException {
            return probe.probe(file);
        }
    },
    SINGLE_PASS {
        @Override
        ProbeResult probe(MediaProbe probe, Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return probe.probe(file.getFileName().toString(), Files.size(file), in);
            }
        }
    };

    abstract ProbeResult probe(MediaProbe probe, Path file) throws IOException;
}
