package io.callport.server.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer servers run in a JVM whose whole heap is a fraction of the files sent to it, over SFTP, a
 * one-shot HTTP upload and a single tus PATCH: if any of them held a file in memory, the upload would fail with
 * OutOfMemoryError.
 */
class BoundedMemoryTest {
    private static final String HEAP = "-Xmx48m";
    private static final long FILE_SIZE = 200L << 20;

    @TempDir
    Path dir;
    private Process servers;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int httpPort;
    private int sftpPort;
    private Path key;
    private Path recording;
    private String expectedSha256;

    @BeforeEach
    void startServers() throws Exception {
        key = dir.resolve("key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        recording = dir.resolve("long-call.wav");
        try (RandomAccessFile file = new RandomAccessFile(recording.toFile(), "rw")) {
            file.setLength(FILE_SIZE);
        }
        expectedSha256 = sha256Of(recording);

        String java = ProcessHandle.current().info().command().orElse("java");
        servers = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                TransferServersMain.class.getName(), dir.resolve("data").toString(), key + ".pub")
                .redirectErrorStream(true).start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(servers.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        httpPort = Integer.parseInt(awaitLine("HTTP ").substring(5));
        sftpPort = Integer.parseInt(awaitLine("SFTP ").substring(5));
    }

    @AfterEach
    void stopServers() throws Exception {
        servers.getOutputStream().close();
        if (!servers.waitFor(20, TimeUnit.SECONDS)) {
            servers.destroyForcibly();
        }
    }

    @Test
    void largeUploadsStreamThroughASmallHeap() throws Exception {
        run("sftp", "-b", "-", "-i", key.toString(), "-P", String.valueOf(sftpPort), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "uploader@127.0.0.1", "<put " + recording + " by-sftp.wav\n");
        assertThat(awaitLine("LANDED ")).isEqualTo("LANDED by-sftp.wav " + FILE_SIZE + " " + expectedSha256);

        String oneShot = run("curl", "-sS", "-w", "\n%{http_code}", "-F", "campaignId=" + TransferServersMain.CAMPAIGN_ID,
                "-F", "file=@" + recording, "http://127.0.0.1:" + httpPort + "/api/v1/calls/upload");
        assertThat(oneShot).endsWith("\n201").contains("\"size\":" + FILE_SIZE);
        assertThat(awaitLine("LANDED ")).endsWith("/long-call.wav " + FILE_SIZE + " " + expectedSha256);

        String created = run("curl", "-sS", "-i", "-X", "POST", "-H", "Tus-Resumable: 1.0.0",
                "-H", "Upload-Length: " + FILE_SIZE, "-H", "Upload-Metadata: filename "
                        + base64("by-tus.wav") + ",campaignId " + base64(TransferServersMain.CAMPAIGN_ID),
                "http://127.0.0.1:" + httpPort + "/api/v1/tus");
        String location = created.lines().filter(l -> l.startsWith("Location:")).findFirst().orElseThrow()
                .substring("Location:".length()).strip();
        String patched = run("curl", "-sS", "-w", "%{http_code}", "-X", "PATCH", "-H", "Tus-Resumable: 1.0.0",
                "-H", "Content-Type: application/offset+octet-stream", "-H", "Upload-Offset: 0",
                "-T", recording.toString(), "http://127.0.0.1:" + httpPort + location);
        assertThat(patched).isEqualTo("204");
        assertThat(awaitLine("LANDED ")).endsWith("/by-tus.wav " + FILE_SIZE + " " + expectedSha256);
        assertThat(servers.isAlive()).isTrue();
    }

    private String awaitLine(String prefix) throws InterruptedException {
        List<String> skipped = new ArrayList<>();
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("No line starting with " + prefix + "; the servers said: " + skipped);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            skipped.add(line);
        }
    }

    /** Runs a command; an argument starting with "<" is fed to its standard input instead. */
    private static String run(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        String input = "";
        for (String argument : command) {
            if (argument.startsWith("<")) {
                input = argument.substring(1);
            } else {
                arguments.add(argument);
            }
        }
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", arguments) + "\n" + output).isZero();
        return output;
    }

    private static String sha256Of(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
