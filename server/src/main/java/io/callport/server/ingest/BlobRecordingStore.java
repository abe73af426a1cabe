package io.callport.server.ingest;

import io.callport.server.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Recordings in the server's blob store (an S3 bucket), streamed there and back. */
public final class BlobRecordingStore implements RecordingStore {
    private final BlobStore blobs;

    public BlobRecordingStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        blobs.put(key, source);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return blobs.open(key);
    }

    @Override
    public void delete(String key) throws IOException {
        blobs.delete(key);
    }
}
