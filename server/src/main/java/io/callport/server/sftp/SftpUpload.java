package io.callport.server.sftp;

import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.FileNames;
import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.UploadSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SeekableByteChannel;

/**
 * The channel behind an SFTP handle opened for writing. Bytes go to an {@link IncomingFile}; a clean close lands
 * the file (or parks it, under a temporary name); a failed write or any other close discards it. A dropped
 * connection discards a file written under its final name, but parks one written under a temporary name: such a
 * name never lands by itself, and the client can resume at its size.
 */
final class SftpUpload implements SeekableByteChannel {
    private final IncomingFile file;
    private final CampaignPath destination;
    private final LandingListener listener;
    private long position;
    private volatile boolean abandoned;

    SftpUpload(IncomingFile file, CampaignPath destination, LandingListener listener) {
        this.file = file;
        this.destination = destination;
        this.listener = listener;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        try {
            int written = file.write(source, position);
            position += written;
            return written;
        } catch (ClosedByInterruptException sessionClosing) {
            // MINA interrupts the session's thread as the session closes: what was written stays for finish()
            throw sessionClosing;
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int read = file.read(target, position);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        file.truncate(size);
        position = Math.min(position, size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    /** The connection dropped with this handle open: what was written must not look complete. */
    void abandon() {
        abandoned = true;
    }

    /** The client closed the handle: the file is complete unless the connection is going away. */
    void finish() throws IOException {
        if (!file.isOpen()) {
            return;
        }
        boolean temporary = FileNames.isTemporary(destination.fileName());
        if (abandoned && temporary) {
            file.parkUnlessTaken(destination);
        } else if (abandoned) {
            file.discard();
        } else if (temporary) {
            file.park(destination);
        } else {
            file.complete(destination, UploadSource.SFTP, listener);
        }
    }

    /** Closed without {@link #finish()}: an error path, so nothing lands. */
    @Override
    public void close() throws IOException {
        file.discard();
    }
}
