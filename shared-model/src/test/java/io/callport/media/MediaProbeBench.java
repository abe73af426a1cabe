package io.callport.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Probes every media fixture N times in both modes and prints probes per second as JSON lines. No assertions: a
 * measurement to compare machines and changes. Run with
 * {@code mvn -pl shared-model test-compile exec:java -Dexec.mainClass=io.callport.media.MediaProbeBench
 * -Dexec.classpathScope=test -Dexec.args=200}; {@code --print} lists each fixture's result instead.
 */
public final class MediaProbeBench {

    private MediaProbeBench() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(MediaFixtures.directory())) {
            fixtures = files.filter(file -> MediaProbe.looksLikeRecording(file.getFileName().toString()))
                    .sorted().toList();
        }
        MediaProbe probe = new MediaProbe();
        if (args.length > 0 && args[0].equals("--print")) {
            for (Path fixture : fixtures) {
                System.out.println(fixture.getFileName() + ": " + probe.probe(fixture));
            }
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (ProbeMode mode : ProbeMode.values()) {
            run(probe, mode, fixtures, Math.max(1, rounds / 10)); // warm-up
            long started = System.nanoTime();
            long probes = run(probe, mode, fixtures, rounds);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "{\"bench\":\"media-probe\",\"mode\":\"%s\",\"files\":%d,\"probes\":%d,"
                            + "\"seconds\":%.3f,\"probes_per_second\":%.0f}%n",
                    mode.name().toLowerCase(Locale.ROOT), fixtures.size(), probes, seconds, probes / seconds);
        }
    }

    private static long run(MediaProbe probe, ProbeMode mode, List<Path> fixtures, int rounds) throws IOException {
        long probes = 0;
        for (int round = 0; round < rounds; round++) {
            for (Path fixture : fixtures) {
                mode.probe(probe, fixture);
                probes++;
            }
        }
        return probes;
    }
}
