package io.callport.validate;

import io.callport.mapping.FieldMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates a batch in a JVM of its own with a 128 MB heap: a hostile file that needs more memory than that ends the
 * child with an OutOfMemoryError instead of passing unnoticed in the test JVM's large heap. The child prints one
 * line per issue: {@code CODE<TAB>file<TAB>line<TAB>message}.
 */
final class SmallHeapValidation {
    static final String HEAP = "-Xmx128m";

    /**
     * @param exitCode 0 when the validation ran to its end
     * @param output   what the child printed: its issues, or the JVM's farewell when it ran out of memory
     * @param errors   what the child wrote to standard error
     * @param took     from starting the child to its end
     */
    record Outcome(int exitCode, String output, String errors, Duration took) {

        /** Asserts the child ran to its end, and returns the issues it printed. */
        List<PrintedIssue> issues() {
            if (exitCode != 0) {
                throw new AssertionError("the child JVM ended with exit code " + exitCode + ":\n" + output + errors);
            }
            return output.lines().filter(line -> !line.isBlank()).map(PrintedIssue::parse).toList();
        }
    }

    record PrintedIssue(IssueCode code, String file, long line, String message) {
        static PrintedIssue parse(String printed) {
            String[] parts = printed.split("\t", 4);
            return new PrintedIssue(IssueCode.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]), parts[3]);
        }
    }

    private SmallHeapValidation() {
    }

    /** Validates the files as one batch (recordings known) with {@link HostileBatchTest#MAPPING} in a child JVM. */
    static Outcome run(Duration timeout, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                SmallHeapValidation.class.getName()));
        Arrays.stream(files).map(Path::toString).forEach(command::add);
        Path out = Files.createTempFile("callport-child", ".out");
        Path err = Files.createTempFile("callport-child", ".err");
        try {
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError("the child JVM did not finish within " + timeout);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Outcome(child.exitValue(), Files.readString(out), Files.readString(err), took);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    public static void main(String[] args) throws IOException {
        List<BatchFile> files = Arrays.stream(args).map(Path::of).map(BatchFile::of).toList();
        FieldMapping mapping = HostileBatchTest.MAPPING;
        ValidationReport report = new BatchValidator(mapping, MetadataValidationTest.CLOCK)
                .validate(new Batch(files, true));
        for (Issue issue : report.issues()) {
            System.out.println(issue.code() + "\t" + issue.file() + "\t" + issue.line() + "\t"
                    + issue.message().replace('\n', ' '));
        }
    }
}
