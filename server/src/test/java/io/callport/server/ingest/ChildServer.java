package io.callport.server.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A server running {@link ChildServerMain} in another JVM, which a test can kill like a power cut would. */
final class ChildServer implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<Integer> httpPort;
    private final Path log;

    private ChildServer(Process process, CompletableFuture<Integer> httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * Starts the server and returns at once, so a test can kill it while it is still starting; {@link #httpPort}
     * waits until it is up.
     */
    static ChildServer launch(Path dataDir, String database, long leaseMillis, Path log) throws IOException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaCommand, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ChildServerMain.class.getName(), dataDir.toString(),
                database, String.valueOf(leaseMillis))
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                         StandardOpenOption.APPEND)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    if (line.startsWith("READY ")) {
                        ready.complete(Integer.parseInt(line.substring("READY ".length()).strip()));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            ready.completeExceptionally(new IllegalStateException("The child server ended before it was up; see "
                    + log));
        });
        return new ChildServer(process, ready, log);
    }

    /** The server's HTTP port, once it is up (waits up to a minute). */
    int httpPort() throws InterruptedException {
        try {
            return httpPort.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The child server did not start; see " + log, e);
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, no finally block, no flush runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
