package io.callport.server.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Drives Debian's OpenSSH client tools (ssh-keygen, sftp) as a customer would. */
final class OpenSsh {
    record Result(int exitCode, String output) {

        /** What one batch command printed: the lines after its "sftp> command" echo, up to the next echo. */
        List<String> printedBy(String command) {
            List<String> printed = new ArrayList<>();
            boolean inside = false;
            for (String line : output.lines().toList()) {
                if (line.startsWith("sftp> ")) {
                    inside = line.equals("sftp> " + command);
                } else if (inside) {
                    printed.add(line);
                }
            }
            return printed;
        }
    }

    private final Path knownHosts;

    OpenSsh(Path workDir) {
        this.knownHosts = workDir.resolve("known_hosts");
    }

    /** Makes an Ed25519 key pair with ssh-keygen; returns the private key file ({@code .pub} beside it). */
    static Path keygen(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test",
                "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return file;
    }

    static Path publicKeyOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Starts {@code sftp -b -} and feeds it the batch; the caller waits or kills. */
    Process startBatch(Path key, String user, int port, String batch, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("sftp", "-b", "-", "-i", key.toString(), "-P",
                String.valueOf(port), "-o", "UserKnownHostsFile=" + knownHosts, "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "ConnectTimeout=10"));
        for (String option : options) {
            command.addAll(List.of("-o", option));
        }
        if (List.of(options).stream().noneMatch(o -> o.startsWith("StrictHostKeyChecking"))) {
            command.addAll(List.of("-o", "StrictHostKeyChecking=no"));
        }
        command.add(user + "@127.0.0.1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(batch.getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }

    Result batch(Path key, String user, int port, String batch, String... options)
            throws IOException, InterruptedException {
        Process process = startBatch(key, user, port, batch, options);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("sftp did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
