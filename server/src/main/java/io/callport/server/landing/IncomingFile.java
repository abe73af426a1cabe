package io.callport.server.landing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file being written into the landing area. Its bytes go to a hidden partial file that no campaign folder shows;
 * {@link #complete} moves it atomically to its final name and announces it once. A write past the size limit
 * deletes the partial file and fails with {@link FileTooLargeException}. Not thread-safe: one writer at a time.
 */
public final class IncomingFile implements Closeable {
    private static final int COPY_BUFFER = 256 * 1024;

    private final LandingArea area;
    private final String uploadId;
    private final String fileName;
    private final Path partial;
    private final FileChannel channel;
    private SizeLimit limit;
    private long size;
    private boolean finished;
    private boolean refusedAsTooLarge;

    IncomingFile(LandingArea area, String uploadId, String fileName, Path partial, FileChannel channel, long size,
                 SizeLimit limit) {
        this.area = area;
        this.uploadId = uploadId;
        this.fileName = fileName;
        this.partial = partial;
        this.channel = channel;
        this.size = size;
        this.limit = limit;
    }

    public String uploadId() {
        return uploadId;
    }

    public String fileName() {
        return fileName;
    }

    /** Bytes written so far (the end of the furthest write). */
    public long size() {
        return size;
    }

    public SizeLimit limit() {
        return limit;
    }

    /** Lowers the limit, e.g. to the size the client declared. */
    public void limitTo(SizeLimit declared) {
        limit = limit.min(declared);
    }

    /**
     * Writes all of {@code source} at {@code position}. A disk with no room fails it with a
     * {@link DiskFullException}; the caller decides what becomes of the file.
     */
    public int write(ByteBuffer source, long position) throws IOException {
        ensureWritable();
        int length = source.remaining();
        if (position + length > limit.bytes()) {
            refusedAsTooLarge = true;
            discard();
            throw new FileTooLargeException(fileName, limit);
        }
        int done = 0;
        try {
            area.writeCheck().beforeWriting(length);
            while (source.hasRemaining()) {
                done += channel.write(source, position + done);
            }
        } catch (IOException e) {
            throw DiskFullException.isDiskFull(e) ? new DiskFullException(fileName, e) : e;
        }
        size = Math.max(size, position + length);
        return length;
    }

    /** Reads what was written, for clients that open a file for reading and writing. */
    public int read(ByteBuffer target, long position) throws IOException {
        ensureWritable();
        return channel.read(target, position);
    }

    /**
     * Appends up to {@code maxBytes} from {@code in} at the current end.
     *
     * @return the number of bytes appended; fewer than {@code maxBytes} means the stream ended
     */
    public long appendFrom(InputStream in, long maxBytes) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long copied = 0;
        int read = 0;
        while (copied < maxBytes && read >= 0) {
            int wanted = (int) Math.min(buffer.length, maxBytes - copied);
            int filled = 0;
            try {
                // Whole buffers: a socket hands over 8-16 KiB per read, and a write for each cost more CPU than the
                // bytes' copy (measured on a 1 GiB upload).
                while (filled < wanted && (read = in.read(buffer, filled, wanted - filled)) >= 0) {
                    filled += read;
                }
            } catch (IOException cut) {
                append(buffer, filled); // what arrived before the connection broke stays, for a resumed upload
                throw cut;
            }
            append(buffer, filled);
            copied += filled;
        }
        return copied;
    }

    private void append(byte[] buffer, int length) throws IOException {
        if (length > 0) {
            write(ByteBuffer.wrap(buffer, 0, length), size);
        }
    }

    /** Cuts the file back, e.g. to drop a chunk whose checksum did not match. */
    public void truncate(long newSize) throws IOException {
        ensureWritable();
        channel.truncate(newSize);
        size = Math.min(size, newSize);
    }

    /** Makes the bytes written so far durable, so that a resumable upload's offset survives a crash. */
    public void force() throws IOException {
        ensureWritable();
        channel.force(false);
    }

    /**
     * Moves the file to its final name (replacing a file already there) and tells the listener, once. On failure
     * the partial file is deleted.
     */
    public LandedFile complete(CampaignPath destination, UploadSource source, LandingListener listener)
            throws IOException {
        ensureWritable();
        Path target;
        listener.landing(destination);
        try {
            try {
                target = moveTo(destination);
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
            LandedFile landed = new LandedFile(uploadId, destination.campaign(), destination.relativePath(), target,
                    size, source, area.now());
            area.announce(listener, landed);
            return landed;
        } finally {
            listener.landingEnded(destination);
        }
    }

    /**
     * Moves the file to a visible name without announcing it: for files written under a temporary name, which
     * land when they are renamed (see {@link LandingArea#landRenamed}).
     */
    public void park(CampaignPath destination) throws IOException {
        ensureWritable();
        try {
            moveTo(destination);
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /**
     * Parks what a dropped connection left, so its client can resume it, unless a file has taken the name since: a
     * drop noticed late must never replace a newer upload of the same file. It is moved as it is, without waiting
     * for the disk, so it is in place before the client is back to ask for its size; it is forced to disk when its
     * upload is parked or landed whole.
     */
    public void parkUnlessTaken(CampaignPath destination) throws IOException {
        if (Files.exists(area.pathOf(destination), LinkOption.NOFOLLOW_LINKS)) {
            discard();
            return;
        }
        Path target = area.prepareTarget(destination);
        finish();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the partial file. Safe to call more than once. */
    public void discard() throws IOException {
        if (!finished) {
            finish();
        }
        Files.deleteIfExists(partial);
    }

    /** Releases the file but keeps the partial, so a resumable upload can continue later. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finish();
        }
    }

    public boolean isOpen() {
        return !finished;
    }

    private Path moveTo(CampaignPath destination) throws IOException {
        Path target = area.prepareTarget(destination);
        channel.force(true);
        finish();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private void finish() throws IOException {
        finished = true;
        area.released(uploadId);
        channel.close();
    }

    private void ensureWritable() throws IOException {
        if (refusedAsTooLarge) {
            throw new FileTooLargeException(fileName, limit);
        }
        if (finished) {
            throw new ClosedChannelException();
        }
    }
}
