package io.callport.validate;

import io.callport.csv.CommonsCsvRowSource;
import io.callport.csv.FastCsvRowSource;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.MappingJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The validator's speed goal: a generated 1,000,000-row, 10-column CSV (about 150 MB) with a full mapping, on one
 * core with a 256 MB heap, with FastCSV and commons-csv side by side. Run by {@code bench/csv-validation}, which
 * also times csvkit and Miller on the same file; prints one {@code key=value} line per measurement.
 *
 * <p>Arguments: {@code FILE [ROWS] [RUNS]}; the file is generated when it does not exist.
 */
public final class CsvValidationBenchmark {
    static final String MAPPING = """
            {"dialect": {"delimiter": ",", "quote": "\\"", "header": true},
             "fields": {"agentId": "agent_email", "contactDate": "contact_date",
                        "contactReference": "conversation_id", "audioFilename": "audio_filename"},
             "metadata": [{"column": "queue", "name": "Queue", "type": "enum",
                           "values": {"Billing": "Billing", "Orders": "Orders", "Returns": "Returns", "Tech Support": "Tech Support"}},
                          {"column": "direction", "name": "Direction", "type": "string"},
                          {"column": "duration_seconds", "name": "Duration", "type": "integer"},
                          {"column": "disposition", "name": "Disposition", "type": "string"},
                          {"column": "customer_phone", "name": "Customer phone", "type": "string"},
                          {"column": "satisfaction", "name": "Satisfaction", "type": "decimal"}]}
            """;
    private static final List<String> QUEUES = List.of("Billing", "Orders", "Returns", "Tech Support");
    private static final List<String> DISPOSITIONS = List.of("Resolved", "Escalated", "Abandoned", "Callback");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file)) {
            generate(file, rows);
        }
        FieldMapping mapping = MappingJson.parse(MAPPING);
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
        System.out.printf("file=%s bytes=%d rows=%d cores=%d max_heap_mb=%d%n", file, Files.size(file), rows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Map<String, MetadataFileValidator.RowSourceFactory> parsers = Map.of(
                "fastcsv", FastCsvRowSource::open, "commons-csv", CommonsCsvRowSource::open);
        for (String parser : List.of("fastcsv", "commons-csv", "fastcsv", "commons-csv")) {
            measure(parser, new BatchValidator(mapping, clock, parsers.get(parser)), file, rows, runs);
        }
    }

    private static void measure(String parser, BatchValidator validator, Path file, int rows, int runs)
            throws IOException {
        Batch batch = new Batch(List.of(BatchFile.of(file)), false);
        double best = Double.MAX_VALUE;
        ValidationReport report = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            report = validator.validate(batch);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        long usedHeap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("parser=%s best_seconds=%.3f rows_per_second=%.0f mb_per_second=%.1f errors=%d warnings=%d"
                        + " heap_used_mb=%d%n", parser, best, rows / best, Files.size(file) / 1e6 / best,
                report.errors(), report.warnings(), usedHeap >> 20);
    }

    /** Realistic rows: ids, emails, ISO dates with offsets, file names, enums, numbers, phone numbers. */
    static void generate(Path file, int rows) throws IOException {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("conversation_id,agent_email,contact_date,audio_filename,queue,direction,duration_seconds,"
                    + "disposition,customer_phone,satisfaction\n");
            for (int i = 1; i <= rows; i++) {
                int agent = random.nextInt(500);
                out.write("CONV-%010d,agent.%03d@northwind-support.example,2026-%02d-%02dT%02d:%02d:%02d+01:00,recording-%08d.mp3,%s,%s,%d,%s,+4420794%05d,%d.%d\n"
                        .formatted(i, agent, 1 + random.nextInt(10), 1 + random.nextInt(28), random.nextInt(24),
                                random.nextInt(60), random.nextInt(60), i, QUEUES.get(random.nextInt(4)),
                                random.nextBoolean() ? "inbound" : "outbound", 10 + random.nextInt(3000),
                                DISPOSITIONS.get(random.nextInt(4)), random.nextInt(100_000), random.nextInt(5),
                                random.nextInt(10)));
            }
        }
    }
}
