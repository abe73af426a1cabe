package io.callport.server.landing;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SHA-256 of a file being written, computed on a thread of its own that reads back, from the page cache, what the
 * writer has appended in order: the writer's thread only moves a counter, so hashing never slows the transfer on a
 * machine with a core to spare. A partial file kept between sessions (a resumable upload) carries its
 * {@link Progress} over, so each byte is hashed once; whatever arrived out of order, was written over, or came
 * before a restart is read back.
 */
final class RunningSha256 {
    private static final int READ_BUFFER = 256 * 1024;
    /**
     * The background thread is woken once per this many bytes appended, not once per write: woken for each 32 KiB
     * SFTP write, it spent more CPU on being scheduled than a 2-core machine could spare for the transfer.
     */
    private static final long WAKE_EVERY = 1024 * 1024;

    /** How far a kept partial file's hash had got when its session ended. */
    record Progress(MessageDigest digest, long hashedUpTo) {
    }

    private final FileChannel file;
    private final MessageDigest digest;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    /** The end of the bytes written in order from the start; the background thread may hash up to here. */
    private long inOrderEnd;
    /** Set when bytes already counted in order were written over or cut: the digest starts again at the end. */
    private boolean rewritten;
    private boolean stopping;
    private Thread hasher;
    /** Touched only by the hashing thread until it has been joined; the digest covers [0, hashedUpTo). */
    private long hashedUpTo;
    private IOException failure;

    /** For a new, empty file. */
    RunningSha256(FileChannel file) {
        this(file, 0, null);
    }

    /**
     * For a file that already holds {@code existingBytes}, going on from {@code resumed} (null when there is none,
     * e.g. after a restart) or else from the start.
     */
    RunningSha256(FileChannel file, long existingBytes, Progress resumed) {
        this.file = file;
        boolean usable = resumed != null && resumed.hashedUpTo() <= existingBytes;
        this.digest = usable ? resumed.digest() : newDigest();
        this.hashedUpTo = usable ? resumed.hashedUpTo() : 0;
        this.inOrderEnd = existingBytes;
    }

    /** Records that {@code length} bytes now sit in the file at {@code position}. */
    void wrote(long position, int length) {
        lock.lock();
        try {
            if (position < inOrderEnd) {
                rewritten = true;
            } else if (position == inOrderEnd && !rewritten) {
                long before = inOrderEnd;
                inOrderEnd += length;
                if (hasher == null) {
                    hasher = Thread.ofVirtual().name("sha256-reader").start(this::hashWhileWritten);
                }
                if (before / WAKE_EVERY != inOrderEnd / WAKE_EVERY) {
                    appended.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void truncated(long size) {
        lock.lock();
        try {
            if (size < inOrderEnd) {
                rewritten = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The hex digest of the file's first {@code size} bytes, once the file's writes are over. */
    String finish(long size) throws IOException {
        stop();
        if (failure != null || rewritten) {
            digest.reset();
            hashedUpTo = 0;
        }
        hashUpTo(size, new byte[READ_BUFFER]);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where the hash stands, once {@link #stop stopped}: empty if the file was written over since. */
    Optional<Progress> progress() {
        return failure != null || rewritten ? Optional.empty() : Optional.of(new Progress(digest, hashedUpTo));
    }

    /** Stops the background thread, e.g. when the file is discarded or kept for a later session. */
    void stop() {
        lock.lock();
        Thread running;
        try {
            stopping = true;
            appended.signal();
            running = hasher;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            joinUninterruptibly(running);
        }
    }

    /**
     * Sessions end on interrupted threads (a dropped connection) and must still clean up; the hashing thread stops
     * within one buffer, so the wait is short.
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void hashWhileWritten() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            long end;
            while ((end = nextEnd()) > hashedUpTo) {
                hashUpTo(Math.min(end, hashedUpTo + buffer.length), buffer); // a buffer at a time: stops promptly
            }
        } catch (IOException e) {
            failure = e; // the end reads everything again
        }
    }

    /**
     * Waits until at least {@link #WAKE_EVERY} more bytes have been appended in order, or the writer is done; the end
     * to hash up to now. What is left when the writer stops is hashed by {@link #finish}.
     */
    private long nextEnd() {
        lock.lock();
        try {
            while (inOrderEnd - hashedUpTo < WAKE_EVERY && !stopping && !rewritten) {
                appended.awaitUninterruptibly();
            }
            return stopping || rewritten ? hashedUpTo : inOrderEnd;
        } finally {
            lock.unlock();
        }
    }

    private void hashUpTo(long end, byte[] buffer) throws IOException {
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        while (hashedUpTo < end) {
            wrapped.clear().limit((int) Math.min(buffer.length, end - hashedUpTo));
            int read = file.read(wrapped, hashedUpTo);
            if (read < 0) {
                throw new EOFException("The file ended at " + hashedUpTo + " bytes, before its size of " + end);
            }
            digest.update(buffer, 0, read);
            hashedUpTo += read;
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
