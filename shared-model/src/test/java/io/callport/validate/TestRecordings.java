package io.callport.validate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real, tiny recordings for batch tests: a second of 8 kHz mono 16-bit PCM, the commonest call format. */
final class TestRecordings {
    private static final int SAMPLE_RATE = 8000;

    private TestRecordings() {
    }

    static Path wav(Path file) throws IOException {
        int dataBytes = SAMPLE_RATE * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < SAMPLE_RATE; i++) {
            wav.putShort((short) (Math.sin(i * 2 * Math.PI * 440 / SAMPLE_RATE) * 8000));
        }
        return Files.write(file, wav.array());
    }
}
