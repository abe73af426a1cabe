package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.storage.S3ProxyServer;
import io.callport.testsupport.FtpTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The same runner over FTPS and S3: what it fetched once it does not fetch again after a restart. */
class PullRunnerProtocolsTest {
    @TempDir
    Path remote;
    @TempDir
    Path local;

    @Test
    void ftpsDateFoldersAreFetchedOnceAcrossARestart() throws Exception {
        RemoteFiles.write(remote, "depot/2026_02_12/call.wav", "RIFF call");
        RemoteFiles.write(remote, "depot/2026_02_12/calls.csv", "file\ncall.wav\n");
        try (FtpTestServer server = new FtpTestServer(remote, FtpTestServer.newKeystore(local, "ftps"));
             PullFixture fixture = new PullFixture(local)) {
            PullConnector connector = fixture.create(ConnectorSettings.of("Recorder FTPS",
                    new FtpSite("127.0.0.1", server.port(), FtpTestServer.USER, "depot", true, FtpMode.PASSIVE))
                    .withDateFolders(new DateFolders(DateFolders.UNDERSCORED), 0),
                    Credentials.password(FtpTestServer.PASSWORD));

            assertThat(fixture.runner(connector).runOnce().delivered()).isEqualTo(2);
            assertThat(fixture.reload(connector).pinnedFingerprint()).startsWith("SHA256:");
            fixture.restart();
            RunReport again = fixture.runner(connector).runOnce();

            assertThat(again.succeeded()).isTrue();
            assertThat(again.listed()).isEqualTo(2);
            assertThat(again.delivered()).isZero();
            assertThat(fixture.sink.file("sales/2026_02_12/call.wav")).hasContent("RIFF call");
        }
    }

    @Test
    void s3PrefixesAreFetchedOnceAcrossARestart() throws Exception {
        // S3Proxy stamps objects with the real time, so the connector's clock runs past it
        Instant later = Instant.now().plus(Duration.ofHours(1));
        LocalDate day = LocalDate.ofInstant(later, ZoneOffset.UTC);
        String today = DateTimeFormatter.BASIC_ISO_DATE.format(day);
        String yesterday = DateTimeFormatter.BASIC_ISO_DATE.format(day.minusDays(1));
        try (S3ProxyServer server = S3ProxyServer.start(); S3Client customer = server.createBucket("customer");
             PullFixture fixture = new PullFixture(local, later)) {
            for (String key : new String[] {"exports/" + yesterday + "/a.mp3", "exports/" + today + "/b.mp3"}) {
                customer.putObject(b -> b.bucket("customer").key(key),
                        RequestBody.fromBytes(key.getBytes(StandardCharsets.UTF_8)));
            }
            PullConnector connector = fixture.create(ConnectorSettings.of("Bucket",
                    new S3Site("customer", "exports", null, server.endpoint()))
                    .withDateFolders(new DateFolders(DateFolders.COMPACT), 1),
                    Credentials.accessKey(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));

            assertThat(fixture.runner(connector).runOnce().delivered()).isEqualTo(2);
            fixture.restart();
            assertThat(fixture.runner(connector).runOnce().delivered()).isZero();
            assertThat(fixture.sink.file("sales/" + today + "/b.mp3")).hasContent("exports/" + today + "/b.mp3");
        }
    }
}
