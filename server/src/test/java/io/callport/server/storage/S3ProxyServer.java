package io.callport.server.storage;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy on a free loopback port over jclouds' in-memory store, checking AWS V4 signatures with fixed keys. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "callport-test";
    public static final String SECRET_KEY = "callport-test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    public static S3ProxyServer start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("unused", "unused")
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return new S3ProxyServer(proxy, context);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Connection connection() {
        return new S3Connection(null, endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    /** Creates a bucket with the given name and returns a client for filling or inspecting it. */
    public S3Client createBucket(String bucket) {
        S3Client client = S3Clients.build(connection());
        client.createBucket(b -> b.bucket(bucket));
        return client;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
