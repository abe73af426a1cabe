package io.callport.server.storage;

import io.callport.server.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the server keeps recordings: {@link Kind#LOCAL} (a folder in the data folder, the embedded default) or
 * {@link Kind#S3} (a bucket on AWS or an S3-compatible store). Read from the server settings named by the
 * {@code *_KEY} constants (flags {@code --blob-store}, {@code --s3-bucket}, ...).
 *
 * @param localRoot the folder for {@link Kind#LOCAL}; ignored for S3
 * @param bucket    the bucket for {@link Kind#S3}; null for local
 * @param s3        how to reach S3 for {@link Kind#S3}; null for local
 */
public record BlobStoreSettings(Kind kind, Path localRoot, String bucket, S3Connection s3) {
    public static final String BLOB_STORE_KEY = "blob-store";
    public static final String S3_BUCKET_KEY = "s3-bucket";
    public static final String S3_ENDPOINT_KEY = "s3-endpoint";
    public static final String S3_REGION_KEY = "s3-region";
    public static final String S3_ACCESS_KEY_KEY = "s3-access-key";
    public static final String S3_SECRET_KEY_KEY = "s3-secret-key";
    /** The local store's folder inside the data folder. */
    public static final String LOCAL_FOLDER = "blobs";

    public enum Kind {
        LOCAL,
        S3
    }

    public BlobStoreSettings {
        if (kind == Kind.LOCAL && localRoot == null) {
            throw new ConfigException("The local blob store needs a folder.");
        }
        if (kind == Kind.S3 && (bucket == null || bucket.isBlank() || s3 == null)) {
            throw new ConfigException(BLOB_STORE_KEY + "=s3 needs " + S3_BUCKET_KEY + " (the bucket for recordings).");
        }
    }

    /** The embedded default: a folder {@value #LOCAL_FOLDER} in the data folder. */
    public static BlobStoreSettings local(Path dataDir) {
        return new BlobStoreSettings(Kind.LOCAL, dataDir.resolve(LOCAL_FOLDER), null, null);
    }

    /**
     * Reads the settings from {@code setting} (key to value, null when not given), defaulting to the local store in
     * {@code dataDir}.
     */
    public static BlobStoreSettings from(Function<String, String> setting, Path dataDir) {
        String kind = setting.apply(BLOB_STORE_KEY);
        if (kind == null || kind.isBlank() || kind.strip().equalsIgnoreCase("local")) {
            return local(dataDir);
        }
        if (!kind.strip().equalsIgnoreCase("s3")) {
            throw new ConfigException(BLOB_STORE_KEY + " must be local or s3, not '" + kind + "'.");
        }
        try {
            S3Connection connection = new S3Connection(setting.apply(S3_REGION_KEY),
                    endpoint(setting.apply(S3_ENDPOINT_KEY)), setting.apply(S3_ACCESS_KEY_KEY),
                    setting.apply(S3_SECRET_KEY_KEY));
            String bucket = setting.apply(S3_BUCKET_KEY);
            return new BlobStoreSettings(Kind.S3, null, bucket == null ? null : bucket.strip(), connection);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** Opens the store these settings describe; for S3 the bucket must exist and be reachable. */
    public BlobStore open() {
        if (kind == Kind.LOCAL) {
            try {
                return new LocalBlobStore(localRoot);
            } catch (IOException e) {
                throw new ConfigException("Cannot use " + localRoot + " for recordings: " + e.getMessage(), e);
            }
        }
        S3BlobStore store = new S3BlobStore(S3Clients.build(s3), bucket);
        try {
            store.requireBucket();
        } catch (IOException e) {
            store.close();
            throw new ConfigException(e.getMessage(), e);
        }
        return store;
    }

    private static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(S3_ENDPOINT_KEY + " must be a URL such as https://s3.example.com, not '" + text
                    + "'.", e);
        }
    }

    @Override
    public String toString() {
        return "BlobStoreSettings[" + kind.name().toLowerCase(Locale.ROOT)
                + (kind == Kind.LOCAL ? ", folder=" + localRoot : ", bucket=" + bucket + ", " + s3) + "]";
    }
}
