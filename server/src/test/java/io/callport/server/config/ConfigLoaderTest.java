package io.callport.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.storage.BlobStoreSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path temp;

    private static ServerConfig run(List<String> args, Map<String, String> env) {
        return ((LaunchCommand.Run) ConfigLoader.load(args, env)).config();
    }

    @Test
    void defaultsAreEmbeddedLoopbackWithSqliteInTheDataFolder() {
        ServerConfig config = run(List.of(), Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("callport-data").toAbsolutePath());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.sftpPort()).isEqualTo(2222);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:" + config.dataDir().resolve("callport.db"));
        assertThat(config.sshHostKeyPath()).isEqualTo(config.dataDir().resolve("ssh_host_ed25519_key"));
        assertThat(config.initialOwnerKeyPath()).isEqualTo(config.dataDir().resolve("initial-owner-key.txt"));
    }

    @Test
    void recordingsGoToTheDataFolderUnlessAnS3BucketIsConfigured() {
        ServerConfig local = run(List.of("--data-dir", temp.toString()), Map.of());
        ServerConfig s3 = run(List.of("--blob-store", "s3", "--s3-bucket", "recordings", "--s3-endpoint",
                "http://127.0.0.1:9000", "--s3-region", "eu-west-1"), Map.of("CALLPORT_S3_ACCESS_KEY", "id",
                "CALLPORT_S3_SECRET_KEY", "secret", "CALLPORT_CREDENTIAL_KEY", "a2V5"));

        assertThat(local.blobStore().kind()).isEqualTo(BlobStoreSettings.Kind.LOCAL);
        assertThat(local.blobStore().localRoot()).isEqualTo(temp.toAbsolutePath().resolve("blobs"));
        assertThat(s3.blobStore().kind()).isEqualTo(BlobStoreSettings.Kind.S3);
        assertThat(s3.blobStore().bucket()).isEqualTo("recordings");
        assertThat(s3.credentialKey()).isEqualTo("a2V5");
        assertThat(s3.toString()).doesNotContain("secret").doesNotContain("a2V5");
        assertThatThrownBy(() -> run(List.of("--blob-store", "s3"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3-bucket");
    }

    @Test
    void flagBeatsEnvironmentWhichBeatsFileWhichBeatsDefault() throws IOException {
        Path file = temp.resolve("server.properties");
        Files.writeString(file, "http-port=1111\nsftp-port=2221\nbind=0.0.0.0\ndata-dir=" + temp.resolve("from-file") + "\n");
        Map<String, String> env = Map.of("CALLPORT_HTTP_PORT", "3333", "CALLPORT_SFTP_PORT", "4444");

        ServerConfig config = run(List.of("--config", file.toString(), "--http-port", "5555"), env);

        assertThat(config.httpPort()).isEqualTo(5555);   // flag
        assertThat(config.sftpPort()).isEqualTo(4444);   // environment
        assertThat(config.bind()).isEqualTo("0.0.0.0");  // file
        assertThat(config.dataDir()).isEqualTo(temp.resolve("from-file"));
        assertThat(config.dbUrl()).endsWith("from-file/callport.db"); // default follows the resolved data folder
    }

    @Test
    void configFileCanComeFromTheEnvironmentAndFlagsMayUseEquals() throws IOException {
        Path file = temp.resolve("server.properties");
        Files.writeString(file, "sftp-port=2022\n");

        ServerConfig config = run(List.of("--http-port=0"), Map.of("CALLPORT_CONFIG", file.toString()));

        assertThat(config.httpPort()).isZero();
        assertThat(config.sftpPort()).isEqualTo(2022);
    }

    @Test
    void postgresUrlWithSeparateCredentialsIsAcceptedAndThePasswordNeverPrinted() {
        ServerConfig config = run(List.of("--db-url", "jdbc:postgresql://db:5432/callport?password=hunter2",
                "--db-user", "cp", "--db-password", "s3cret"), Map.of());

        assertThat(config.dbUser()).isEqualTo("cp");
        assertThat(config.dbPassword()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void helpAndVersionAreCommands() {
        assertThat(ConfigLoader.load(List.of("--http-port", "1", "--help"), Map.of()))
                .isInstanceOf(LaunchCommand.ShowHelp.class);
        assertThat(ConfigLoader.load(List.of("--version"), Map.of())).isInstanceOf(LaunchCommand.ShowVersion.class);
        assertThat(ConfigLoader.usage()).contains("--data-dir DIR", "CALLPORT_DATA_DIR", "default 8080", "--db-url");
    }

    @Test
    void mistakesAreReportedWithTheOffendingValue() throws IOException {
        assertThatThrownBy(() -> run(List.of("--http-prot", "1"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Unknown option '--http-prot'");
        assertThatThrownBy(() -> run(List.of("--http-port", "eighty"), Map.of()))
                .hasMessageContaining("http-port must be a port number, not 'eighty'");
        assertThatThrownBy(() -> run(List.of("--sftp-port", "70000"), Map.of()))
                .hasMessageContaining("between 0 and 65535, not 70000");
        assertThatThrownBy(() -> run(List.of("--data-dir"), Map.of()))
                .hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> run(List.of("--db-url", "jdbc:mysql://x/y"), Map.of()))
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
        assertThatThrownBy(() -> run(List.of("--config", temp.resolve("missing.properties").toString()), Map.of()))
                .hasMessageContaining("missing.properties does not exist");
        Path typo = temp.resolve("typo.properties");
        Files.writeString(typo, "http_port=1\n");
        assertThatThrownBy(() -> run(List.of("--config", typo.toString()), Map.of()))
                .hasMessageContaining("unknown key 'http_port'");
    }
}
