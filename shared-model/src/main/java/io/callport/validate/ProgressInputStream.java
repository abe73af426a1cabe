package io.callport.validate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read through it to a progress listener. */
final class ProgressInputStream extends FilterInputStream {
    private final ValidationProgress progress;

    ProgressInputStream(InputStream in, ValidationProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            progress.advanced(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            progress.advanced(read);
        }
        return read;
    }
}
