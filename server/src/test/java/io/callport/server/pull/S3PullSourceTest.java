package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.storage.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3PullSourceTest {
    private static S3ProxyServer server;
    private static S3Client customer;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
        customer = server.createBucket("customer-recordings");
        put("exports/calls/20260211/call-1.mp3", "ID3 one");
        put("exports/calls/20260211/call-1.json", "{\"agent\":\"ann\"}");
        put("exports/calls/20260211/nested/deeper.mp3", "not listed: below the date folder");
        put("exports/calls/20260213/call-2.mp3", "ID3 two");
        put("exports/calls-old/20260211/other.mp3", "another prefix");
    }

    @AfterAll
    static void stop() throws Exception {
        customer.close();
        server.close();
    }

    @Test
    void listsDateFoldersBelowThePrefixAndFetchesARange() throws Exception {
        try (PullSession session = source(S3ProxyServer.SECRET_KEY, "customer-recordings").connect()) {
            assertThat(session.candidates(new DateFolders("yyyyMMdd"), LocalDate.of(2026, 2, 10),
                    LocalDate.of(2026, 2, 13))).extracting(RemoteFile::path, RemoteFile::size).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("20260211/call-1.json", 15L),
                    org.assertj.core.groups.Tuple.tuple("20260211/call-1.mp3", 7L),
                    org.assertj.core.groups.Tuple.tuple("20260213/call-2.mp3", 7L));
            RemoteFile call = new RemoteFile("20260213/call-2.mp3", 7, null);
            assertThat(RemoteFiles.fetch(session, call, 0)).isEqualTo("ID3 two");
            assertThat(RemoteFiles.fetch(session, call, 4)).isEqualTo("two");
            assertThat(RemoteFiles.fetch(session, call, 7)).isEmpty();
        }
    }

    @Test
    void aWrongSecretAMissingBucketAndAMissingObjectAreToldApart() throws Exception {
        assertThatThrownBy(() -> source("wrong-secret", "customer-recordings").connect())
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.BAD_CREDENTIALS);
                    assertThat(e.getMessage()).isEqualTo("S3 refused the access key '" + S3ProxyServer.ACCESS_KEY
                            + "' for s3://customer-recordings/exports/calls at " + server.endpoint()
                            + " (SignatureDoesNotMatch).");
                });
        assertThatThrownBy(() -> source(S3ProxyServer.SECRET_KEY, "no-such-bucket").connect())
                .isInstanceOfSatisfying(PullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PullFailure.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("There is no bucket no-such-bucket at " + server.endpoint()
                            + ".");
                });
        try (PullSession session = source(S3ProxyServer.SECRET_KEY, "customer-recordings").connect()) {
            assertThatThrownBy(() -> RemoteFiles.fetch(session, new RemoteFile("20260212/gone.mp3", 3, null), 0))
                    .isInstanceOfSatisfying(PullException.class,
                            e -> assertThat(e.failure()).isEqualTo(PullFailure.NOT_FOUND));
        }
    }

    private static S3PullSource source(String secret, String bucket) {
        return new S3PullSource(new S3Site(bucket, "/exports/calls/", null, server.endpoint()),
                Credentials.accessKey(S3ProxyServer.ACCESS_KEY, secret));
    }

    private static void put(String key, String content) {
        customer.putObject(b -> b.bucket("customer-recordings").key(key),
                RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
    }
}
