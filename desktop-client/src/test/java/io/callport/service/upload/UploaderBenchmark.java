package io.callport.service.upload;

import io.callport.service.Profile;
import io.callport.service.SampleService;
import io.callport.service.ServerClient;
import io.callport.service.Transport;
import io.callport.service.api.SftpAccess;
import io.callport.testing.TestFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Uploader's speed goals (issue 5), against a running Callport server (bench/uploader starts it):
 * <ul>
 *   <li>1,000 recordings of about 1 MB plus their CSV over SFTP, with this client in several tunings (sessions x
 *   channels) and with OpenSSH's {@code sftp -b}, each to its own campaign of the same server: files per second;</li>
 *   <li>one 1 GiB file: MB/s of this client and of {@code sftp}, and this JVM's peak heap (run it with -Xmx128m);</li>
 *   <li>the mapping wizard's sample load of a 150 MB CSV ({@link SampleService#load}), a figure.</li>
 * </ul>
 * Both clients warm up first; the tunings are tried once each, then the best one and {@code sftp} take turns for
 * {@code bench.rounds} rounds (default 3) and the medians are compared. Prints key=value lines. Arguments: URL
 * API_KEY WORK_DIR [TUNINGS, e.g. 1x1,2x1,4x1,2x2,8x1].
 */
public final class UploaderBenchmark {
    private static final int FILES = Integer.getInteger("bench.files", 1000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final long GIB = 1L << 30;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;
    private final String apiKey;
    private final Path work;
    private final ServerClient client;
    private int campaigns;

    private UploaderBenchmark(String url, String apiKey, Path work) {
        this.url = url;
        this.apiKey = apiKey;
        this.work = work;
        this.client = new ServerClient(url, apiKey);
    }

    public static void main(String[] args) throws Exception {
        UploaderBenchmark bench = new UploaderBenchmark(args[0], args[1], Path.of(args[2]));
        List<String> tunings = List.of((args.length > 3 ? args[3] : "1x1,2x1,4x1,2x2,8x1").split(","));
        bench.run(tunings);
    }

    private void run(List<String> tunings) throws Exception {
        Path keyFile = work.resolve("client_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keyFile.toString());
        // one key for the whole organisation: its SFTP root holds one folder per campaign
        SftpAccess account = client.registerSshKey(Files.readString(work.resolve("client_key.pub")), null);
        Profile profile = Profile.of("bench", url).withTransport(Transport.SFTP).withSftp(keyFile, account);

        Path files = work.resolve("recordings");
        List<Path> batch = makeBatch(files);
        long batchBytes = 0;
        for (Path file : batch) {
            batchBytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "batch files=%d bytes=%d%n", batch.size(), batchBytes);

        // both clients first send 100 files unmeasured: the server's JIT warms up, and the Uploader's (a window
        // or a watch runs for hours; the command line pays this once per run, about a second)
        List<Path> warmUp = batch.subList(0, Math.min(100, batch.size() - 1));
        callportBatch(profile, warmUp, "4x1", "warm-up");
        sftpBatch(account, keyFile, files, "default", "call-00[0-9][0-9].wav", "warm-up");

        // which tuning is fastest, one pass each
        double best = 0;
        String bestTuning = tunings.getFirst();
        for (String tuning : tunings) {
            double rate = callportBatch(profile, batch, tuning, "tuning");
            if (rate > best) {
                best = rate;
                bestTuning = tuning;
            }
        }
        // then the two clients in turn, so a busy moment of the shared machine does not fall on one of them only
        List<Double> callportRates = new ArrayList<>();
        List<Double> sftpRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            forgetCopies();
            sftpRates.add(sftpBatch(account, keyFile, files, "default", "*.wav", "measured"));
            forgetCopies();
            callportRates.add(callportBatch(profile, batch, bestTuning, "measured"));
        }
        System.out.printf(Locale.ROOT, "summary=batch callport_median_files_per_second=%.1f tuning=%s "
                + "sftp_median_files_per_second=%.1f ratio=%.2f goal=1.5%n", median(callportRates), bestTuning,
                median(sftpRates), median(callportRates) / median(sftpRates));

        Path big = TestFiles.random(work.resolve("one-gib.wav"), GIB, 42);
        sftpOne(account, keyFile, big, "default", "cipher");
        sftpOne(account, keyFile, big, "aes128-gcm@openssh.com", "cipher");
        List<Double> callportBig = new ArrayList<>();
        List<Double> sftpBig = new ArrayList<>();
        long peakHeap = 0;
        for (int round = 0; round < ROUNDS; round++) {
            forgetCopies();
            sftpBig.add(sftpOne(account, keyFile, big, "aes128-gcm@openssh.com", "measured"));
            forgetCopies();
            resetPeakHeap();
            callportBig.add(callportOne(profile, big));
            peakHeap = Math.max(peakHeap, peakHeapBytes());
        }
        System.out.printf(Locale.ROOT, "summary=one-gib callport_median_mb_per_s=%.1f sftp_median_mb_per_s=%.1f "
                + "ratio=%.2f goal=0.9 client_heap_peak_mb=%d client_xmx_mb=%d%n", median(callportBig),
                median(sftpBig), median(callportBig) / median(sftpBig), peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(big);

        sampleLoad();
    }

    /**
     * Deletes the server's copies of the recordings sent so far and flushes the disk, before each measured upload.
     * Kept, they fill the page cache, and on these virtual machines each new GiB of it costs about 2 s of system time,
     * charged to whichever upload comes next (see the server transfers in docs/benchmarks.md).
     */
    private void forgetCopies() throws IOException, InterruptedException {
        List<Path> copies;
        try (Stream<Path> files = Files.walk(work.resolve("server"))) {
            copies = files.filter(file -> file.getFileName().toString().endsWith(".wav")).toList();
        } catch (UncheckedIOException movedMeanwhile) {
            copies = List.of(); // the pipeline moved a folder while it was walked; the next call catches up
        }
        for (Path copy : copies) {
            Files.deleteIfExists(copy);
        }
        run("sync");
    }

    // ---- the batch ----

    private List<Path> makeBatch(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> batch = new ArrayList<>();
        StringBuilder csv = new StringBuilder("conversation_id,agent_email,contact_date,audio_filename\n");
        for (int i = 1; i <= FILES; i++) {
            String name = String.format(Locale.ROOT, "call-%04d.wav", i);
            long size = 900_000 + (i * 7919L) % 200_000; // about 1 MB, no two alike
            batch.add(TestFiles.random(folder.resolve(name), size, i));
            csv.append(String.format(Locale.ROOT, "C%d,agent%d@example.com,2026-11-03T04:35:00+01:00,%s%n", i,
                    i % 40, name));
        }
        batch.add(Files.writeString(folder.resolve("calls.csv"), csv));
        return batch;
    }

    private double callportBatch(Profile profile, List<Path> batch, String tuning, String phase) throws Exception {
        String[] counts = tuning.split("x");
        UploadTuning chosen = UploadTuning.DEFAULT.withSftp(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
        String campaign = newCampaign("callport-" + tuning);
        Path config = Files.createDirectories(work.resolve("config-" + campaigns));
        UploadService service = new UploadService(config, chosen, RetryPolicy.DEFAULT, Clock.systemUTC());
        long start = System.nanoTime();
        UploadQueue queue = service.prepare(profile, client, campaign, UploadPlan.of(batch));
        queue.start();
        queue.await(Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        UploadSnapshot done = queue.snapshot();
        if (!done.allAccepted()) {
            throw new IllegalStateException("The upload with " + tuning + " did not send every file: " + done);
        }
        double rate = batch.size() / seconds;
        System.out.printf(Locale.ROOT, "phase=%s client=callport tuning=%s sessions=%s channels_per_session=%s "
                + "files=%d seconds=%.2f files_per_second=%.1f mb_per_s=%.1f%n", phase, tuning, counts[0], counts[1],
                batch.size(), seconds, rate, done.totalBytes() / 1e6 / seconds);
        return rate;
    }

    /** {@code sftp -b} putting the recordings the glob names, then the CSV (except in the warm-up). */
    private double sftpBatch(SftpAccess account, Path key, Path files, String cipher, String glob, String phase)
            throws Exception {
        String folder = folderOf(newCampaign("sftp-" + phase + "-" + cipher.replaceAll("[^a-z0-9]", "")));
        Path script = work.resolve("sftp-batch.txt");
        boolean measured = phase.equals("measured");
        Files.writeString(script, "cd /" + folder + "\nput " + files + "/" + glob + "\n"
                + (measured ? "put " + files + "/calls.csv\n" : ""));
        long count;
        try (Stream<Path> sent = Files.list(files)) {
            count = sent.filter(file -> files.getFileSystem().getPathMatcher("glob:" + glob)
                    .matches(file.getFileName())).count() + (measured ? 1 : 0);
        }
        double seconds = sftp(account, key, script, cipher);
        double rate = count / seconds;
        System.out.printf(Locale.ROOT, "phase=%s client=openssh-sftp-b cipher=%s files=%d seconds=%.2f "
                + "files_per_second=%.1f%n", phase, cipher, count, seconds, rate);
        return rate;
    }

    // ---- one large file ----

    private double callportOne(Profile profile, Path big) throws Exception {
        String campaign = newCampaign("callport-one");
        Path config = Files.createDirectories(work.resolve("config-" + campaigns));
        UploadService service = new UploadService(config, UploadTuning.DEFAULT, RetryPolicy.DEFAULT,
                Clock.systemUTC());
        long start = System.nanoTime();
        UploadQueue queue = service.prepare(profile, client, campaign, UploadPlan.of(List.of(big)));
        queue.start();
        queue.await(Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!queue.snapshot().allAccepted()) {
            throw new IllegalStateException("The 1 GiB upload failed: " + queue.snapshot());
        }
        double rate = GIB / 1e6 / seconds;
        System.out.printf(Locale.ROOT, "phase=measured client=callport file=1GiB seconds=%.2f mb_per_s=%.1f%n",
                seconds, rate);
        return rate;
    }

    private double sftpOne(SftpAccess account, Path key, Path big, String cipher, String phase) throws Exception {
        String folder = folderOf(newCampaign("sftp-one-" + cipher.replaceAll("[^a-z0-9]", "")));
        Path script = work.resolve("sftp-one.txt");
        Files.writeString(script, "cd /" + folder + "\nput " + big + "\n");
        double seconds = sftp(account, key, script, cipher);
        double rate = GIB / 1e6 / seconds;
        System.out.printf(Locale.ROOT, "phase=%s client=openssh-sftp cipher=%s file=1GiB seconds=%.2f mb_per_s=%.1f%n",
                phase, cipher, seconds, rate);
        return rate;
    }

    private double sftp(SftpAccess account, Path key, Path script, String cipher) throws Exception {
        List<String> command = new ArrayList<>(List.of("sftp", "-q", "-i", key.toString(), "-P",
                String.valueOf(account.port()), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-b", script.toString()));
        if (!cipher.equals("default")) {
            command.addAll(List.of("-c", cipher));
        }
        command.add(account.username() + "@" + account.host());
        long start = System.nanoTime();
        run(command.toArray(String[]::new));
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- the sample ----

    private void sampleLoad() throws IOException {
        Path csv = work.resolve("sample-150mb.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("conversation_id,agent_email,contact_date,audio_filename,queue,direction,duration_seconds\n");
            for (long i = 0; Files.size(csv) < 150L * 1000 * 1000 || i % 10_000 != 0; i++) {
                out.write(String.format(Locale.ROOT, "C%d,agent%d@example.com,2026-11-03T04:35:00+01:00,call-%d.wav,"
                        + "Billing,inbound,%d%n", i, i % 40, i, i % 900));
                if (i % 10_000 == 0) {
                    out.flush();
                }
            }
        }
        SampleService samples = new SampleService(Clock.systemUTC());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            var sample = samples.load(csv);
            samples.preview(sample, sample.detected().dialect());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf(Locale.ROOT, "summary=sample-load file_mb=%d first_ms=%.1f best_ms=%.1f "
                + "(SampleService.load and preview)%n", Files.size(csv) / 1_000_000, millis.getFirst(),
                millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        Files.delete(csv);
    }

    // ---- plumbing ----

    /** A new campaign whose batches wait a day before processing, so the pipeline stays out of the measurement. */
    private String newCampaign(String name) throws Exception {
        campaigns++;
        String body = "{\"name\": \"bench " + name + " " + campaigns + "\", \"batchWindowSeconds\": 86400}";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/campaigns"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating a campaign failed: " + created.body());
        }
        return created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String folderOf(String campaignId) throws IOException {
        return client.campaigns().stream().filter(c -> c.id().equals(campaignId)).findFirst().orElseThrow().folder();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void resetPeakHeap() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }
}
