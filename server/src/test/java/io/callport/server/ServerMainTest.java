package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerMain.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("callport-server \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--data-dir", "--http-port", "--sftp-port", "--bind", "--db-url", "--config", "--version");
    }

    @Test
    void aBadOptionExitsWithUsageErrorAndSaysWhy() {
        assertThat(run("--http-port", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("http-port must be a port number, not 'x'");
        assertThat(out.size()).isZero();
    }
}
