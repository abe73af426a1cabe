package io.callport.server.pull;

import io.callport.server.storage.S3Clients;
import io.callport.server.storage.S3Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Fetches from a customer's S3 bucket (AWS or S3-compatible) below a prefix; "folders" are key prefixes ending in
 * {@code /}. A fetch from an offset asks for a byte range.
 */
public final class S3PullSource implements PullSource {
    private final S3Site site;
    private final S3Connection connection;

    public S3PullSource(S3Site site, Credentials credentials) {
        site.requireUsable(credentials);
        this.site = site;
        this.connection = new S3Connection(site.region(), site.endpoint(), credentials.accessKey(),
                credentials.secretKey());
    }

    @Override
    public PullSession connect() throws PullException {
        S3Client client;
        try {
            client = S3Clients.build(connection);
        } catch (IllegalArgumentException e) {
            throw new PullException(PullFailure.UNREACHABLE, e.getMessage(), e);
        }
        S3Session session = new S3Session(client);
        try {
            // a listing, not a HEAD: its error responses carry the code that tells bad keys from missing rights
            client.listObjectsV2(b -> b.bucket(site.bucket()).prefix(site.prefix()).maxKeys(1));
            return session;
        } catch (SdkException e) {
            session.close();
            throw failure(e, null);
        }
    }

    /** @param key the object concerned, or null for the bucket or a listing */
    private PullException failure(SdkException e, String key) {
        String where = site.endpoint() != null ? " at " + site.endpoint() : " in " + site.region();
        String what = key == null ? site.describe() : "s3://" + site.bucket() + "/" + key;
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
            if (code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")
                    || code.equals("InvalidToken") || code.equals("ExpiredToken")) {
                return new PullException(PullFailure.BAD_CREDENTIALS, "S3 refused the access key "
                        + (connection.usesDefaultCredentials() ? "of the server's default credentials"
                        : "'" + connection.accessKey() + "'") + " for " + site.describe() + " (" + code + ").", e);
            }
            if (code.equals("NoSuchBucket")) {
                return new PullException(PullFailure.NOT_FOUND, "There is no bucket " + site.bucket() + where + ".",
                        e);
            }
            if (s3.statusCode() == 404) {
                return new PullException(PullFailure.NOT_FOUND, "There is no " + what + ".", e);
            }
            if (s3.statusCode() == 403) {
                return new PullException(PullFailure.PERMISSION_DENIED, "The access key may not read " + what
                        + " (access denied).", e);
            }
            return new PullException(PullFailure.CONNECTION_LOST, "S3 answered " + s3.statusCode() + " for " + what
                    + ": " + s3.getMessage(), e);
        }
        if (e instanceof SdkClientException && causedBy(e, UnknownHostException.class, ConnectException.class)) {
            return new PullException(PullFailure.UNREACHABLE, "The S3 service for " + site.describe()
                    + " cannot be reached (" + e.getMessage() + ").", e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new PullException(PullFailure.BAD_CREDENTIALS, "No S3 credentials: give an access key, or give "
                    + "the server default AWS credentials (" + e.getMessage() + ").", e);
        }
        return new PullException(PullFailure.CONNECTION_LOST, "Reading " + what + " failed: " + e.getMessage(), e);
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private final class S3Session implements PullSession {
        private final S3Client client;

        S3Session(S3Client client) {
            this.client = client;
        }

        @Override
        public List<RemoteFile> list(String folder) throws PullException {
            String prefix = key(folder);
            String keyPrefix = prefix.isEmpty() ? "" : prefix + "/";
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(site.bucket()).prefix(keyPrefix)
                    .delimiter("/").build();
            List<RemoteFile> files = new ArrayList<>();
            try {
                for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                    String name = object.key().substring(keyPrefix.length());
                    if (!name.isEmpty()) {
                        files.add(new RemoteFile(RemoteFile.join(folder, name), object.size(), object.lastModified()));
                    }
                }
            } catch (SdkException e) {
                throw failure(e, null);
            }
            return files;
        }

        @Override
        public void fetch(RemoteFile file, long offset, OutputStream target) throws PullException, IOException {
            if (offset >= file.size() && offset > 0) {
                return;
            }
            String key = key(file.path());
            try (InputStream in = client.getObject(b -> {
                b.bucket(site.bucket()).key(key);
                if (offset > 0) {
                    b.range("bytes=" + offset + "-");
                }
            })) {
                RemoteReads.copy(in, target, "s3://" + site.bucket() + "/" + key);
            } catch (SdkException e) {
                throw failure(e, key);
            }
        }

        @Override
        public Optional<String> serverFingerprint() {
            return Optional.empty();
        }

        @Override
        public void close() {
            client.close();
        }

        private String key(String relative) {
            return site.prefix().isEmpty() ? relative : relative.isEmpty() ? site.prefix()
                    : site.prefix() + "/" + relative;
        }
    }
}
