package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar callport-server.jar} as an operator runs it: first start, API, SIGTERM. */
class ShadedJarIT {
    private static final Pattern RUNNING_AT = Pattern.compile("Callport is running at (http://\\S+)/");
    private static final Pattern KEY = Pattern.compile("\\s*(cp_[0-9A-Za-z]{43})\\s*");

    @TempDir
    Path temp;

    private static Path jar() {
        return Path.of(System.getProperty("callport.serverJar", "target/callport-server.jar"));
    }

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void versionPrintsAndExits() throws Exception {
        Process process = java("--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output.strip()).isEqualTo("callport-server " + ServerVersion.current());
    }

    @Test
    void firstStartPrintsTheKeyServesTheApiAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = temp.resolve("data");
        Path log = temp.resolve("server.log");
        Process process = java("--data-dir", dataDir.toString(), "--http-port", "0", "--sftp-port", "0")
                .redirectError(log.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            String key = null;
            for (String line = out.readLine(); line != null && key == null; line = out.readLine()) {
                Matcher running = RUNNING_AT.matcher(line);
                Matcher keyLine = KEY.matcher(line);
                if (running.matches()) {
                    baseUrl = running.group(1);
                } else if (keyLine.matches()) {
                    key = keyLine.group(1);
                }
            }
            assertThat(baseUrl).as("stdout names the address; log: %s", readLog(log)).isNotNull();
            assertThat(key).isNotNull();
            assertThat(Files.readString(dataDir.resolve("initial-owner-key.txt")).strip()).isEqualTo(key);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/campaigns"))
                    .header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"From the jar\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"folder\":\"from-the-jar\"");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String logText = readLog(log);
        assertThat(logText).contains("msg=\"server started\"", "msg=\"server stopped\"", "msg=\"database closed\"");
        assertThat(logText).doesNotContain(Files.readString(dataDir.resolve("initial-owner-key.txt")).strip());
        assertThat(dataDir.resolve("callport.db-wal")).doesNotExist();
    }

    private static String readLog(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
