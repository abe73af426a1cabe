package io.callport.service.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs the operating system's credential tools with a secret on standard input, never on the command line. */
final class Commands {
    private static final long TIMEOUT_SECONDS = 30;

    /** What a command printed and how it ended. */
    record Result(int exitStatus, String output, String errors) {
    }

    private Commands() {
    }

    static Result run(List<String> command, Map<String, String> environment, String input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> output = readAsync(process.getInputStream());
        CompletableFuture<String> errors = readAsync(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not answer within " + TIMEOUT_SECONDS + " s.");
            }
            return new Result(process.exitValue(), output.get(), errors.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IOException(command.getFirst() + " could not be read: " + e.getCause().getMessage(), e);
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
