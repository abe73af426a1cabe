package io.callport.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Files made at test time, so nothing large is committed. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A file of {@code size} bytes that differ from file to file (the server spots identical content). */
    public static Path random(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
        return file;
    }

    /**
     * A 16-bit PCM WAV, 8 kHz mono, of the given length with a quiet tone at {@code hertz}: a real recording the
     * server probes, different for each tone.
     */
    public static Path wav(Path file, int millis, int hertz) throws IOException {
        int frames = 8000 * millis / 1000;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + frames * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + frames * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(frames * 2);
        for (int frame = 0; frame < frames; frame++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * hertz * frame / 8000.0) * 3000));
        }
        return Files.write(file, wav.array());
    }

    /**
     * {@code count} recordings {@code call-0001.wav}... of {@code size} bytes and a CSV naming them, in the folder.
     *
     * @return the recordings, then the CSV
     */
    public static List<Path> batch(Path folder, int count, long size) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        StringBuilder csv = new StringBuilder("conversation_id,agent_email,contact_date,audio_filename\n");
        for (int i = 1; i <= count; i++) {
            String name = String.format("call-%04d.wav", i);
            files.add(random(folder.resolve(name), size, i));
            csv.append(String.format("C%d,ann@example.com,2026-11-03T04:35:00+01:00,%s%n", i, name));
        }
        files.add(Files.writeString(folder.resolve("calls.csv"), csv));
        return files;
    }
}
