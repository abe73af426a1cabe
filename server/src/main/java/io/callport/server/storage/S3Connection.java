package io.callport.server.storage;

import java.net.URI;

/**
 * How to reach an S3 service: AWS itself (a region) or an S3-compatible store (an endpoint URL, addressed path-style:
 * {@code https://host/bucket/key}). Without an access key the AWS default credential chain applies (environment,
 * profile, instance or container role).
 *
 * @param region    e.g. {@code eu-west-3}; may be null with an endpoint, or when the environment names one
 * @param endpoint  an S3-compatible service's URL, or null for AWS
 * @param accessKey access key id, or null for the default chain
 * @param secretKey secret access key, given exactly when {@code accessKey} is; never printed
 */
public record S3Connection(String region, URI endpoint, String accessKey, String secretKey) {
    public S3Connection {
        region = blankToNull(region);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("Give both the S3 access key and the secret key, or neither to use the "
                    + "default AWS credential chain.");
        }
        if (endpoint != null && (endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw new IllegalArgumentException("The S3 endpoint '" + endpoint + "' must be an http:// or https:// URL "
                    + "with a host, e.g. https://s3.example.com:9000.");
        }
    }

    /** The default credential chain and region, on AWS. */
    public static S3Connection aws(String region) {
        return new S3Connection(region, null, null, null);
    }

    public boolean usesDefaultCredentials() {
        return accessKey == null;
    }

    @Override
    public String toString() {
        return "S3Connection[region=" + region + ", endpoint=" + endpoint + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? "none" : "(set)") + "]";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
