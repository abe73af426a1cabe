package io.callport.server.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Short WAV recordings made at test time. */
public final class Recordings {
    private Recordings() {
    }

    /** A 16-bit PCM WAV of the given length, channels and rate, with a quiet tone so it is not all zeros. */
    public static byte[] wav(int millis, int channels, int sampleRate) {
        int frames = (int) ((long) sampleRate * millis / 1000);
        int dataBytes = frames * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        for (int frame = 0; frame < frames; frame++) {
            short sample = (short) (Math.sin(frame * 0.05) * 3000);
            for (int channel = 0; channel < channels; channel++) {
                wav.putShort(sample);
            }
        }
        return wav.array();
    }

    public static byte[] wav(int millis) {
        return wav(millis, 1, 8000);
    }

    /**
     * A recording of 100 to 300 ms whose last samples carry the number, so no two numbered recordings have the
     * same content (the pipeline would take the second as a duplicate).
     */
    public static byte[] numbered(int number) {
        byte[] wav = wav(100 + number % 200);
        wav[wav.length - 2] = (byte) number;
        wav[wav.length - 1] = (byte) (number >> 8);
        wav[wav.length - 3] = (byte) (number >> 16);
        return wav;
    }
}
