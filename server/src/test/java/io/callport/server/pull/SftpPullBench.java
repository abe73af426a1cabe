package io.callport.server.pull;

import io.callport.server.TestFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Pulls {@code --files} recordings of about 1 MB from a loopback SFTP server (MINA SSHD) with the connector, and, with
 * {@code --rclone PATH}, copies the same folder from the same server with {@code rclone copy} in the same run, both
 * with {@code --parallel} transfers, alternating for {@code --rounds} rounds. Before that both fetch
 * {@code --warmup} other files, unmeasured: the server (in this JVM) and the connector run for months in a
 * long-lived process, so the figure that matters is the compiled steady state. Prints {@code key=value} lines and
 * a final JSON line with the median files per second of each and their ratio.
 *
 * <p>Run through {@code bench/sftp-pull}.
 */
public final class SftpPullBench {
    private static final String FOLDER = "20260212";
    private static final String WARMUP_FOLDER = "20260211";
    private static final int ABOUT_A_MEGABYTE = 1024 * 1024;

    private SftpPullBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int files = Integer.parseInt(options.getOrDefault("--files", "1000"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        int parallel = Integer.parseInt(options.getOrDefault("--parallel", "4"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "200"));
        String rclone = options.get("--rclone");
        Path work = Files.createTempDirectory("callport-sftp-pull-bench");
        try {
            Path remote = work.resolve("remote");
            long bytes = generate(remote.resolve("depot").resolve(FOLDER), files);
            generate(remote.resolve("depot").resolve(WARMUP_FOLDER), warmup);
            System.out.printf(Locale.ROOT, "files=%d%nbytes=%d%nparallel=%d%nrounds=%d%nwarmup_files=%d%n", files,
                    bytes, parallel, rounds, warmup);
            List<Double> callport = new ArrayList<>();
            List<Double> rcloneRates = new ArrayList<>();
            try (SftpTestServer server = new SftpTestServer(remote, null)) {
                if (warmup > 0) {
                    callport(server, work.resolve("callport-warmup"), WARMUP_FOLDER, warmup, parallel);
                    if (rclone != null) {
                        rclone(rclone, server, work.resolve("rclone-warmup"), WARMUP_FOLDER, warmup, parallel);
                    }
                }
                for (int round = 1; round <= rounds; round++) {
                    double ours = files / callport(server, work.resolve("callport-" + round), FOLDER, files,
                            parallel);
                    callport.add(ours);
                    System.out.printf(Locale.ROOT, "round=%d callport_files_per_second=%.1f%n", round, ours);
                    if (rclone != null) {
                        double theirs = files / rclone(rclone, server, work.resolve("rclone-" + round), FOLDER,
                                files, parallel);
                        rcloneRates.add(theirs);
                        System.out.printf(Locale.ROOT, "round=%d rclone_files_per_second=%.1f%n", round, theirs);
                    }
                }
            }
            double ours = median(callport);
            System.out.printf(Locale.ROOT, "callport_files_per_second=%.1f%n", ours);
            if (rclone == null) {
                System.out.printf(Locale.ROOT, "{\"files\":%d,\"bytes\":%d,\"parallel\":%d,"
                        + "\"callport_files_per_second\":%.1f}%n", files, bytes, parallel, ours);
                return;
            }
            double theirs = median(rcloneRates);
            System.out.printf(Locale.ROOT, "rclone_files_per_second=%.1f%nratio=%.2f%n", theirs, ours / theirs);
            System.out.printf(Locale.ROOT, "{\"files\":%d,\"bytes\":%d,\"parallel\":%d,\"callport_files_per_second\""
                    + ":%.1f,\"rclone_files_per_second\":%.1f,\"ratio\":%.2f}%n", files, bytes, parallel, ours, theirs,
                    ours / theirs);
        } finally {
            TestFolders.deleteRecursively(work);
        }
    }

    /** Seconds the connector takes to fetch and hand over every file, with a fresh ledger. */
    private static double callport(SftpTestServer server, Path folder, String day, int files, int parallel)
            throws IOException {
        try (PullFixture fixture = new PullFixture(folder, Instant.parse(LocalDate.parse(day,
                DateTimeFormatter.BASIC_ISO_DATE) + "T12:00:00Z"))) {
            PullConnector connector = fixture.create(ConnectorSettings.of("bench", new SftpSite("127.0.0.1",
                    server.port(), SftpTestServer.USER, "depot"))
                    .withDateFolders(new DateFolders(DateFolders.COMPACT), 0)
                    .withTransfers(Duration.ZERO, parallel), Credentials.password(SftpTestServer.PASSWORD));
            PullRunner runner = fixture.runner(connector);
            long start = System.nanoTime();
            RunReport report = runner.runOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.succeeded() || report.delivered() != files) {
                throw new IllegalStateException("The connector delivered " + report.delivered() + " of " + files
                        + " files: " + report.failure());
            }
            return seconds;
        } finally {
            TestFolders.deleteRecursively(folder);
        }
    }

    /** Seconds {@code rclone copy} takes for the same folder from the same server. */
    private static double rclone(String rclone, SftpTestServer server, Path target, String day, int files,
                                 int parallel) throws IOException, InterruptedException {
        Map<String, String> remote = Map.of("RCLONE_CONFIG_BENCH_TYPE", "sftp",
                "RCLONE_CONFIG_BENCH_HOST", "127.0.0.1",
                "RCLONE_CONFIG_BENCH_PORT", String.valueOf(server.port()),
                "RCLONE_CONFIG_BENCH_USER", SftpTestServer.USER,
                "RCLONE_CONFIG_BENCH_PASS", run(List.of(rclone, "obscure", SftpTestServer.PASSWORD), Map.of()).strip(),
                // the test server has no shell for md5sum; do not make rclone try
                "RCLONE_CONFIG_BENCH_DISABLE_HASHCHECK", "true");
        long start = System.nanoTime();
        run(List.of(rclone, "copy", "bench:depot/" + day, target.toString(), "--transfers",
                String.valueOf(parallel)), remote);
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Stream<Path> copied = Files.list(target)) {
            long count = copied.count();
            if (count != files) {
                throw new IllegalStateException("rclone copied " + count + " of " + files + " files");
            }
        }
        TestFolders.deleteRecursively(target);
        return seconds;
    }

    private static String run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(command.getFirst() + " " + command.get(1) + " failed: " + output);
        }
        return output;
    }

    /** Recordings of 1 MiB give or take 64 KiB, random bytes (incompressible, like compressed audio). */
    private static long generate(Path folder, int files) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(2026);
        byte[] buffer = new byte[ABOUT_A_MEGABYTE + 64 * 1024];
        long total = 0;
        for (int i = 0; i < files; i++) {
            int size = ABOUT_A_MEGABYTE - 64 * 1024 + random.nextInt(128 * 1024);
            for (int j = 0; j < size; j++) {
                buffer[j] = (byte) random.nextInt(256);
            }
            Path file = folder.resolve(String.format(Locale.ROOT, "2026_02_12_%06d_agent%02d.wav", i, i % 40));
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(buffer, 0, size);
            }
            Files.setLastModifiedTime(file, FileTime.from(RemoteFiles.WRITTEN));
            total += size;
        }
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Map<String, String> options(String[] args) {
        java.util.HashMap<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
