package io.callport.server.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK's S3 client for an {@link S3Connection}; the blob store and the S3 pull connector share it. */
public final class S3Clients {
    /** The SDK needs a region to sign with; S3-compatible stores accept any, and this is the customary one. */
    static final String SIGNING_REGION_FOR_ENDPOINTS = "us-east-1";

    private S3Clients() {
    }

    public static S3Client build(S3Connection connection) {
        S3ClientBuilder builder = S3Client.builder().credentialsProvider(credentials(connection));
        if (connection.endpoint() != null) {
            builder.endpointOverride(connection.endpoint())
                    .forcePathStyle(true)
                    .region(Region.of(connection.region() != null ? connection.region() : SIGNING_REGION_FOR_ENDPOINTS))
                    // S3-compatible stores often lack the newer flexible checksums; send them only where required
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        } else if (connection.region() != null) {
            builder.region(Region.of(connection.region()));
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("Cannot set up the S3 client: " + e.getMessage()
                    + " Give a region (for example eu-west-3) or an endpoint URL.", e);
        }
    }

    private static AwsCredentialsProvider credentials(S3Connection connection) {
        if (connection.usesDefaultCredentials()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(connection.accessKey(),
                connection.secretKey()));
    }
}
