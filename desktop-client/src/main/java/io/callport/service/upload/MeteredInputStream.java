package io.callport.service.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** A file being sent: each read passes the pause gate and reports how far the transfer has got. */
final class MeteredInputStream extends FilterInputStream {
    private final LongConsumer progress;
    private final PauseGate gate;
    private long read;

    MeteredInputStream(InputStream in, LongConsumer progress, PauseGate gate) {
        super(in);
        this.progress = progress;
        this.gate = gate;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        gate.pass();
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            read += count;
            progress.accept(read);
        }
        return count;
    }

    /** Skips what the server already holds (a resumed transfer); those bytes count as sent. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        in.skipNBytes(n);
        read += n;
        progress.accept(read);
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
