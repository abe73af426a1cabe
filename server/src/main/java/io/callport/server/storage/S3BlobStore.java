package io.callport.server.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects in an S3 bucket. A body up to one part is sent in one request; a longer or unknown-length body is
 * sent as a multipart upload, one part at a time from a single buffer, so memory stays at {@value #PART_SIZE} bytes
 * per upload whatever the size. A failed multipart upload is aborted, leaving the previous object in place.
 */
public final class S3BlobStore implements BlobStore {
    /** Above S3's 5 MiB minimum part; 10,000 parts of it reach 80 GiB, far beyond the largest recording. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final String bucket;

    public S3BlobStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    @Override
    public StoredBlob put(String key, InputStream content, long length) throws IOException {
        BlobKeys.requireValid(key);
        HashingInputStream hashing = new HashingInputStream(content);
        PushbackInputStream body = new PushbackInputStream(hashing, 1);
        byte[] part = new byte[PART_SIZE];
        int first = body.readNBytes(part, 0, PART_SIZE);
        try {
            if (first < PART_SIZE || endsHere(body)) {
                hashing.requireLength(key, length);
                client.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), body(part, first));
            } else {
                uploadInParts(key, body, part, hashing, length);
            }
        } catch (SdkException e) {
            throw failure("store '" + key + "'", e);
        }
        return new StoredBlob(key, hashing.count(), hashing.sha256Hex());
    }

    /** Sends the full first part already in {@code part}, then the rest of {@code content} part by part. */
    private void uploadInParts(String key, InputStream content, byte[] part, HashingInputStream counted, long length)
            throws IOException {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int size = PART_SIZE; size > 0; size = content.readNBytes(part, 0, PART_SIZE)) {
                int number = parts.size() + 1;
                String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        body(part, size)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            counted.requireLength(key, length);
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private static boolean endsHere(PushbackInputStream content) throws IOException {
        int next = content.read();
        if (next < 0) {
            return true;
        }
        content.unread(next);
        return false;
    }

    /** Fails with the reason when the bucket is missing or this server may not use it; call once at start. */
    public void requireBucket() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            String reason = e instanceof S3Exception s3 && s3.statusCode() == 404 ? "the bucket does not exist"
                    : e instanceof S3Exception s3 && s3.statusCode() == 403 ? "access is denied to these credentials"
                    : e.getMessage();
            throw new IOException("Cannot use the S3 bucket '" + bucket + "' for recordings: " + reason + ".", e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobKeys.requireValid(key);
        try {
            return client.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key, null, "no blob with this key in " + location());
        } catch (SdkException e) {
            throw failure("read '" + key + "'", e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        BlobKeys.requireValid(key);
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up '" + key + "'", e);
        } catch (SdkException e) {
            throw failure("look up '" + key + "'", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        BlobKeys.requireValid(key);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete '" + key + "'", e);
        }
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        String checked = BlobKeys.requireValidPrefix(prefix);
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(checked)).contents().stream()
                    .map(S3Object::key);
        } catch (SdkException e) {
            throw failure("list '" + checked + "'", e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket;
    }

    @Override
    public void close() {
        client.close();
    }

    private static RequestBody body(byte[] buffer, int length) {
        // the provider hands out a fresh stream over the same buffer for each retry, without copying it
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, CONTENT_TYPE);
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private IOException failure(String action, SdkException e) {
        return new IOException("Cannot " + action + " in " + location() + ": " + e.getMessage(), e);
    }
}
