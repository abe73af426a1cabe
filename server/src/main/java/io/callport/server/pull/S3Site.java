package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;
import java.net.URI;

/**
 * A bucket on AWS (by region) or on an S3-compatible store (by endpoint URL); {@code prefix} plays the base path.
 * Without an access key in the credentials, the server's default AWS credential chain is used.
 */
public record S3Site(String bucket, String prefix, String region, URI endpoint) implements RemoteSite {
    public S3Site {
        if (bucket == null || bucket.isBlank()) {
            throw new InvalidValueException("The S3 connector needs a bucket name.");
        }
        bucket = bucket.strip();
        prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        if ((region == null || region.isBlank()) && endpoint == null) {
            throw new InvalidValueException("The S3 connector needs a region (e.g. eu-west-3) or an endpoint URL.");
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + (endpoint == null ? "" : " at " + endpoint);
    }

    @Override
    public void requireUsable(Credentials credentials) {
        if ((credentials.accessKey() == null) != (credentials.secretKey() == null)) {
            throw new InvalidValueException("Give both the S3 access key and the secret key, or neither to use the "
                    + "server's default AWS credentials.");
        }
    }
}
