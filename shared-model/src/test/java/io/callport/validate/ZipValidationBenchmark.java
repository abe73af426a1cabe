package io.callport.validate;

import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Validating a zip of 1,000 recordings (about 1 MB each) with their CSV reads each entry once: the bytes this
 * process reads ({@code rchar} in /proc/self/io) are compared with the zip's size. Run by
 * {@code bench/zip-validation}; arguments {@code DIR [RECORDINGS]}.
 */
public final class ZipValidationBenchmark {
    private static final int SAMPLE_RATE = 8000;
    private static final int SECONDS_PER_RECORDING = 64;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int recordings = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path zip = dir.resolve("batch-" + recordings + ".zip");
        if (!Files.exists(zip)) {
            build(zip, recordings);
        }
        FieldMapping mapping = new FieldMapping(CsvDialect.DEFAULT,
                new FieldReferences("agent_email", "contact_date", "conversation_id", "audio_filename"), null, null,
                List.of(), null);
        BatchValidator validator = new BatchValidator(mapping, java.time.Clock.systemUTC());
        Batch batch = new Batch(List.of(BatchFile.of(zip)), true);
        for (int run = 1; run <= 3; run++) {
            long readBefore = bytesReadByProcess();
            long start = System.nanoTime();
            ValidationReport report = validator.validate(batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            long read = bytesReadByProcess() - readBefore;
            System.out.printf("run=%d recordings=%d zip_bytes=%d seconds=%.3f mb_per_second=%.1f bytes_read=%d"
                            + " read_per_zip_byte=%.3f errors=%d warnings=%d%n", run, recordings, Files.size(zip),
                    seconds, Files.size(zip) / 1e6 / seconds, read, (double) read / Files.size(zip), report.errors(),
                    report.warnings());
        }
    }

    /** A zip of stored (incompressible, like real audio) WAV recordings and the CSV that names them. */
    private static void build(Path zip, int recordings) throws IOException {
        byte[] wav = Files.readAllBytes(TestRecordings.wav(Files.createTempFile("one-second", ".wav")));
        byte[] recording = longRecording(wav);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            StringBuilder csv = new StringBuilder("conversation_id,agent_email,contact_date,audio_filename\n");
            for (int i = 1; i <= recordings; i++) {
                String name = "recordings/call-%05d.wav".formatted(i);
                stored(out, name, recording);
                csv.append("C").append(i).append(",agent").append(i % 50).append("@example.com,")
                        .append("2026-11-03T04:35:00Z,call-%05d.wav\n".formatted(i));
            }
            stored(out, "calls.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The one-second tone repeated to about a megabyte, with its WAV sizes rewritten to match. */
    private static byte[] longRecording(byte[] oneSecond) {
        int data = oneSecond.length - 44;
        byte[] wav = new byte[44 + data * SECONDS_PER_RECORDING];
        System.arraycopy(oneSecond, 0, wav, 0, 44);
        for (int s = 0; s < SECONDS_PER_RECORDING; s++) {
            System.arraycopy(oneSecond, 44, wav, 44 + s * data, data);
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, wav.length - 8);
        header.putInt(40, wav.length - 44);
        return wav;
    }

    private static void stored(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static long bytesReadByProcess() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new IOException("/proc/self/io has no rchar line");
    }
}
