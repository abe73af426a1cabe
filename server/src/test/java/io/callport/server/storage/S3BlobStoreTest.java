package io.callport.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.callport.server.config.ConfigException;
import software.amazon.awssdk.services.s3.S3Client;

class S3BlobStoreTest extends BlobStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer server;
    private S3Client admin;
    private String bucket;
    private BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        server.close();
    }

    @BeforeEach
    void open() {
        bucket = "recordings-" + BUCKETS.incrementAndGet();
        admin = server.createBucket(bucket);
        store = settings(bucket).open();
    }

    @AfterEach
    void noUnfinishedUploadIsLeft() {
        assertThat(admin.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        store.close();
        admin.close();
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void aLargeBodyGoesUpInPartsAndASmallOneInOneRequest() throws IOException {
        store.put("parts/large.bin", GeneratedContent.of(LARGE, 2), BlobStore.UNKNOWN_LENGTH);
        store.put("parts/small.bin", bytes("small"), 5);

        // S3 tags a multipart object's ETag with its number of parts
        assertThat(admin.headObject(b -> b.bucket(bucket).key("parts/large.bin")).eTag()).endsWith("-3\"");
        assertThat(admin.headObject(b -> b.bucket(bucket).key("parts/small.bin")).eTag()).doesNotContain("-");
    }

    @Test
    void settingsNameTheBucketEndpointAndKeys(@org.junit.jupiter.api.io.TempDir Path dataDir) {
        BlobStoreSettings settings = settings(bucket);

        assertThat(settings.kind()).isEqualTo(BlobStoreSettings.Kind.S3);
        assertThat(settings.toString()).contains("bucket=" + bucket, server.endpoint().toString())
                .doesNotContain(S3ProxyServer.SECRET_KEY);
        assertThat(BlobStoreSettings.from(Map.<String, String>of()::get, dataDir))
                .isEqualTo(BlobStoreSettings.local(dataDir));
        assertThat(BlobStoreSettings.from(Map.of("blob-store", "local")::get, dataDir).localRoot())
                .isEqualTo(dataDir.resolve("blobs"));
    }

    @Test
    void aMissingBucketOrWrongKeyStopsTheStartWithTheReason(@org.junit.jupiter.api.io.TempDir Path dataDir) {
        assertThatThrownBy(() -> settings("no-such-bucket").open()).isInstanceOf(ConfigException.class)
                .hasMessage("Cannot use the S3 bucket 'no-such-bucket' for recordings: the bucket does not exist.");
        Map<String, String> wrongSecret = Map.of("blob-store", "s3", "s3-bucket", bucket,
                "s3-endpoint", server.endpoint().toString(), "s3-access-key", S3ProxyServer.ACCESS_KEY,
                "s3-secret-key", "wrong");
        assertThatThrownBy(() -> BlobStoreSettings.from(wrongSecret::get, dataDir).open())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot use the S3 bucket '" + bucket + "' for recordings: access is denied to these "
                        + "credentials.");
        assertThatThrownBy(() -> BlobStoreSettings.from(Map.of("blob-store", "s3")::get, dataDir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs s3-bucket");
        assertThatThrownBy(() -> BlobStoreSettings.from(Map.of("blob-store", "s3", "s3-bucket", "b",
                "s3-access-key", "only-half")::get, dataDir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("both the S3 access key and the secret key");
        assertThatThrownBy(() -> BlobStoreSettings.from(Map.of("blob-store", "ftp")::get, dataDir))
                .isInstanceOf(ConfigException.class).hasMessage("blob-store must be local or s3, not 'ftp'.");
    }

    private static BlobStoreSettings settings(String bucket) {
        Map<String, String> values = Map.of("blob-store", "s3", "s3-bucket", bucket,
                "s3-endpoint", server.endpoint().toString(), "s3-access-key", S3ProxyServer.ACCESS_KEY,
                "s3-secret-key", S3ProxyServer.SECRET_KEY);
        return BlobStoreSettings.from(values::get, Path.of("unused"));
    }
}
