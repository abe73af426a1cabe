package io.callport.server.ingest;

import io.callport.server.CallportServer;
import io.callport.server.TestFolders;
import io.callport.server.TransferExtension;
import io.callport.server.config.ServerConfig;
import io.callport.server.http.PipelineRoutes;
import io.callport.server.store.AgentDraft;
import io.callport.server.store.Campaign;
import io.callport.server.store.CampaignSettings;
import io.callport.server.store.CallStatus;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.Organisation;
import io.callport.server.store.Page;
import io.callport.server.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pipeline's speed goal (issue 4): drop N short recordings and one CSV naming them into a campaign folder on
 * disk and time until every call is Completed, for each N given. Usage:
 * {@code PipelineBenchmark <workDir> <sqlite|jdbc:postgresql://...> <N>...}. Prints key=value lines.
 * The recordings (100 to 300 ms of 8 kHz mono PCM, each different) are made before the clock starts.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String database = args[1];
        int workers = Integer.getInteger("callport.bench.workers", PipelineSettings.defaults().workers());
        // A server that has been running has compiled its hot paths; the first batches of a fresh JVM have not. After
        // 1,000 warm-up calls the JIT was still compiling the PostgreSQL paths: 1,000 calls went at 670-950 calls/s,
        // after 10,000 at 1,070-1,120 (2026-11-21).
        int warmUp = Integer.getInteger("callport.bench.warmup", 10_000);
        if (warmUp > 0) {
            run(work, database, workers, warmUp, false);
        }
        for (int i = 2; i < args.length; i++) {
            int calls = Integer.parseInt(args[i]);
            // a batch that takes a second moves by a third from run to run (the refresh and scan cadences, the
            // machine): smaller batches run three times and the median run is reported, with every run's time
            List<Measured> runs = new ArrayList<>();
            for (int round = 0; round < (calls < 100_000 ? 3 : 1); round++) {
                runs.add(run(work, database, workers, calls, true));
            }
            runs.sort(Comparator.comparingDouble(Measured::seconds));
            System.out.println(runs.get(runs.size() / 2).line() + " runs=" + runs.stream()
                    .map(measured -> String.format(Locale.ROOT, "%.1f", measured.seconds()))
                    .collect(Collectors.joining(",")));
        }
    }

    /** One reported run: its seconds, and its key=value line. */
    private record Measured(double seconds, String line) {
    }

    private static Measured run(Path work, String database, int workers, int calls, boolean report) throws Exception {
        Path dataDir = work.resolve("data-" + calls);
        TestFolders.deleteRecursively(dataDir);
        Path staging = Files.createDirectories(work.resolve("staging-" + calls));
        prepare(staging, calls);
        ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0);
        if (!database.equals("sqlite")) {
            config = config.withDatabase(database, null, null);
        }
        PipelineSettings settings = PipelineSettings.defaults().withWorkers(workers)
                .withScan(Duration.ofSeconds(1), Duration.ZERO).withPolling(Duration.ofMillis(100));
        PipelineExtension pipeline = new PipelineExtension(settings, PipelineExtension::recordingsFor, null,
                PipelineRoutes::of, io.callport.server.retention.Housekeeping::of);
        Measured measured = null;
        try (CallportServer server = new CallportServer(config, List.of(pipeline,
                new TransferExtension(pipeline::listenerFor))).start()) {
            Store store = server.context().store();
            Organisation org = store.organisations().list().getFirst();
            store.agents().save(org.id(), new AgentDraft("478", null, "Ann Lee", null));
            Campaign campaign = store.campaigns().create(org.id(), new CampaignSettings("Bench " + calls, null, true,
                    1, null));
            store.fieldMappings().save(campaign.id(), PipelineServer.MAPPING);
            Path folder = Files.createDirectories(dataDir.resolve(Pipeline.LANDING_FOLDER).resolve(org.slug())
                    .resolve(campaign.folder()));

            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.sorted(Comparator.comparing(p -> p.getFileName().toString().endsWith(".csv")))
                        .toList()) {
                    Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            double dropped = seconds(start);
            // looking costs the server too: only the few batch rows until every batch has finished; the time taken
            // is read from when the server recorded the last batch finished, so looking seldom adds nothing to it
            while (!finished(pipeline.pipeline(), org.id(), campaign.id())) {
                Thread.sleep(250);
            }
            long completed = completed(pipeline.pipeline(), org.id(), campaign.id());
            if (completed != calls) {
                throw new IllegalStateException(completed + " of " + calls + " calls completed");
            }
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            if (report) {
                Timeline timeline = server.context().database().read(c -> Timeline.of(c, campaign.id()));
                double total = (timeline.finished() - startMillis) / 1000.0;
                measured = new Measured(total, String.format(Locale.ROOT, "database=%s calls=%d seconds=%.1f calls_per_second=%.0f drop_seconds=%.1f "
                                + "all_files_recorded_seconds=%.1f batch_closed_seconds=%.1f csv_read_seconds=%.1f "
                                + "first_call_completed_seconds=%.1f last_call_completed_seconds=%.1f "
                                + "calls_per_second_after_close=%.0f cpu_seconds=%.1f "
                                + "calls_per_cpu_second=%.0f "
                                + "load_average=%.1f workers=%d cores=%d",
                        database.equals("sqlite") ? "sqlite" : "postgresql", calls, total, calls / total, dropped,
                        (timeline.allRecorded() - startMillis) / 1000.0, (timeline.windowClosed() - startMillis) / 1000.0,
                        (timeline.csvRead() - startMillis) / 1000.0, (timeline.firstCompleted() - startMillis) / 1000.0,
                        (timeline.lastCompleted() - startMillis) / 1000.0,
                        calls / (total - (timeline.windowClosed() - startMillis) / 1000.0), cpu, calls / cpu, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage(), settings.workers(), Runtime.getRuntime().availableProcessors()));
            }
        }
        TestFolders.deleteRecursively(dataDir);
        TestFolders.deleteRecursively(staging);
        return measured;
    }

    /** When the stages ended, in epoch milliseconds, read from the database after the run. */
    private record Timeline(long allRecorded, long windowClosed, long csvRead, long firstCompleted,
                            long lastCompleted, long finished) {
        static Timeline of(java.sql.Connection c, String campaignId) throws java.sql.SQLException {
            return new Timeline(
                    single(c, "SELECT MAX(arrived_at) FROM ingest_files WHERE campaign_id = ?", campaignId),
                    single(c, "SELECT MAX(window_closes_at) FROM ingest_batches WHERE campaign_id = ?", campaignId),
                    single(c, "SELECT MAX(finished_at) FROM ingest_files WHERE campaign_id = ? AND kind = 'METADATA'",
                            campaignId),
                    single(c, "SELECT MIN(completed_at) FROM calls WHERE campaign_id = ?", campaignId),
                    single(c, "SELECT MAX(completed_at) FROM calls WHERE campaign_id = ?", campaignId),
                    single(c, "SELECT MAX(finished_at) FROM ingest_batches WHERE campaign_id = ?", campaignId));
        }

        private static long single(java.sql.Connection c, String sql, String campaignId) throws java.sql.SQLException {
            try (var statement = c.prepareStatement(sql)) {
                statement.setString(1, campaignId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    private static void prepare(Path staging, int calls) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(staging.resolve("calls.csv"), StandardCharsets.UTF_8)) {
            csv.write("call_id,agent,date,recording,queue\n");
            for (int i = 0; i < calls; i++) {
                String name = "call-%06d.wav".formatted(i);
                Files.write(staging.resolve(name), Recordings.numbered(i));
                csv.write("C" + i + ",478,2026-01-05T09:00:00Z," + name + ",Billing\n");
            }
        }
    }

    private static long completed(Pipeline pipeline, String orgId, String campaignId) {
        return batches(pipeline, orgId, campaignId).stream()
                .mapToLong(batch -> pipeline.store().batches().counts(batch.id()).calls(CallStatus.COMPLETED)).sum();
    }

    private static boolean finished(Pipeline pipeline, String orgId, String campaignId) {
        List<IngestBatch> batches = batches(pipeline, orgId, campaignId);
        return !batches.isEmpty() && batches.stream().allMatch(batch -> batch.status().isFinal());
    }

    private static List<IngestBatch> batches(Pipeline pipeline, String orgId, String campaignId) {
        return pipeline.store().batches().list(orgId, List.of(campaignId), null, new Page(100, 0));
    }

    /** CPU time the whole process used (all threads, user and system). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
