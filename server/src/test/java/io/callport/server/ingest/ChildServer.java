package io.callport.server.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server running {@link ChildServerMain} in another JVM, which a test can kill like a power cut would. */
final class ChildServer implements AutoCloseable {
    private final Process process;
    private final int httpPort;

    private ChildServer(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static ChildServer start(Path dataDir, String database, long leaseMillis, Path log) throws IOException,
            InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaCommand, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ChildServerMain.class.getName(), dataDir.toString(),
                database, String.valueOf(leaseMillis))
                .redirectErrorStream(true).start();
        BlockingQueue<String> ready = new LinkedBlockingQueue<>();
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
                        ready.add(line.substring("READY ".length()));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        String port = ready.poll(60, TimeUnit.SECONDS);
        if (port == null) {
            process.destroyForcibly();
            throw new IllegalStateException("The child server did not start; see " + log);
        }
        return new ChildServer(process, Integer.parseInt(port.strip()));
    }

    int httpPort() {
        return httpPort;
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
