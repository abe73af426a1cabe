package io.callport.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished run of a program: its exit status and what it wrote, read as UTF-8. */
record ProcessRun(int exitCode, String out, String err) {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static ProcessRun of(Path program, String... args) throws IOException, InterruptedException {
        return of(Map.of(), program, args);
    }

    /** Runs the program with extra environment variables; output goes to files, so a chatty program never blocks. */
    static ProcessRun of(Map<String, String> environment, Path program, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("run", ".out");
        Path err = Files.createTempFile("run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + TIMEOUT + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
