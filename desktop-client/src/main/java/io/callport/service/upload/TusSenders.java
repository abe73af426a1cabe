package io.callport.service.upload;

import io.callport.service.ServerClient;
import io.callport.service.ServerException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Lanes over HTTP: each file is a tus upload sent in chunks, each chunk with its SHA-256 so the server drops a chunk
 * damaged on the way. The upload's address is written to the journal when it starts; sending again asks the server
 * (HEAD) how much it has and goes on from there, after a lost connection as after a restart.
 *
 * <p>A chunk cut off is dropped whole by the server, so after a failed chunk a lane sends half as much at a time
 * (down to {@link #SMALLEST_CHUNK_BYTES}), and twice as much again after each chunk that arrives, up to the tuned
 * size: a link that drops more often than a full chunk takes still gets the file through.
 */
final class TusSenders implements Senders {
    static final long SMALLEST_CHUNK_BYTES = 256 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerClient client;
    private final String campaignId;
    private final UploadJournal journal;
    private final long chunkBytes;
    private final int lanes;
    private final PauseGate gate;

    TusSenders(ServerClient client, String campaignId, UploadJournal journal, long chunkBytes, int lanes,
               PauseGate gate) {
        this.client = client.forTransfers();
        this.campaignId = campaignId;
        this.journal = journal;
        this.chunkBytes = chunkBytes;
        this.lanes = lanes;
        this.gate = gate;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public FileSender lane(int index) {
        return new Lane();
    }

    @Override
    public void close() {
        // the connections belong to the shared pool
    }

    private final class Lane implements FileSender {
        private long chunk = chunkBytes;

        @Override
        public String send(UploadItem item, LongConsumer progress) throws IOException {
            URI upload = journal.tusUpload(item).orElse(null);
            long offset = 0;
            if (upload != null) {
                try {
                    offset = client.tusOffset(upload);
                } catch (ServerException e) {
                    if (e.status() != 404 && e.status() != 410) {
                        throw e;
                    }
                    journal.tusGone(item);
                    upload = null;
                }
            }
            if (upload == null) {
                upload = client.tusCreate(campaignId, item.name(), item.size());
                journal.tusStarted(item, upload);
            }
            CompletableFuture<String> sha256 = Digests.sha256Beside(item.path());
            progress.accept(offset);
            while (offset < item.size()) {
                gate.pass();
                long length = Math.min(chunk, item.size() - offset);
                byte[] chunkSha256 = digestRange(item.path(), offset, length);
                long next;
                try {
                    next = client.tusPatch(upload, offset, new ChunkBody(item.path(), offset, length, progress),
                            chunkSha256);
                } catch (IOException lost) {
                    chunk = Math.max(Math.min(SMALLEST_CHUNK_BYTES, chunkBytes), chunk / 2);
                    throw lost;
                }
                chunk = Math.min(chunkBytes, chunk * 2);
                if (next != offset + length) {
                    throw new IOException("The server holds " + next + " bytes of " + item.name() + " after a chunk "
                            + "that should have taken it to " + (offset + length) + "; asking it again.");
                }
                offset = next;
            }
            return Digests.await(sha256);
        }

        @Override
        public void abort() {
            client.cancelCalls();
        }

        @Override
        public void close() {
            // nothing is held between files
        }
    }

    /** The SHA-256 of {@code length} bytes of the file from {@code start}, for the chunk's checksum. */
    private static byte[] digestRange(Path file, long start, long length) throws IOException {
        MessageDigest digest = Digests.sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            long position = start;
            long end = start + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(file.getFileName() + " became shorter while it was being sent.");
                }
                buffer.flip();
                digest.update(buffer);
                position += read;
            }
        }
        return digest.digest();
    }

    /** A chunk of a file as a request body, read from disk whenever it is written (again). */
    private final class ChunkBody extends RequestBody {
        private final Path file;
        private final long start;
        private final long length;
        private final LongConsumer progress;

        ChunkBody(Path file, long start, long length, LongConsumer progress) {
            this.file = file;
            this.start = start;
            this.length = length;
            this.progress = progress;
        }

        @Override
        public MediaType contentType() {
            return ServerClient.chunkType();
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
                long written = 0;
                while (written < length) {
                    gate.pass();
                    buffer.clear().limit((int) Math.min(BUFFER_BYTES, length - written));
                    int read = channel.read(buffer, start + written);
                    if (read < 0) {
                        throw new IOException(file.getFileName() + " became shorter while it was being sent.");
                    }
                    buffer.flip();
                    sink.write(buffer);
                    written += read;
                    progress.accept(start + written);
                }
            }
        }
    }
}
