package io.callport.server.upload;

import io.callport.testsupport.MutableClock;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.SizeLimits;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A minimal Javalin app on loopback with the upload routes, a landing area and a trivial auth layer. */
abstract class UploadServerFixture {
    static final Duration TUS_EXPIRY = Duration.ofHours(24);

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();
    final List<LandedFile> events = new CopyOnWriteArrayList<>();
    final Map<String, MonthlyMinutes> minutes = new ConcurrentHashMap<>();
    LandingArea landing;
    TusUploads tusUploads;
    Javalin app;

    @BeforeEach
    void startServer() throws IOException {
        start(SizeLimits.DEFAULT);
    }

    @AfterEach
    void stopServer() {
        app.stop();
    }

    void start(SizeLimits limits) throws IOException {
        if (app != null) {
            app.stop();
        }
        landing = new LandingArea(dir.resolve("landing"), limits, clock);
        tusUploads = new TusUploads(dir.resolve("tus"), landing, events::add, TUS_EXPIRY, clock);
        UploadPolicySigner signer = UploadPolicySigner.fromSecretFile(dir.resolve("upload-signing.key"), clock);
        UsageQuota quota = organisationId -> Optional.ofNullable(minutes.get(organisationId));
        UploadRoutes routes = new UploadRoutes(new TestCampaigns(), landing, events::add, signer, quota, tusUploads);
        app = Javalin.create(config -> routes.register(config.routes)).start("127.0.0.1", 0);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    List<Path> partials() throws IOException {
        try (Stream<Path> files = Files.list(landing.root().resolve(".incoming"))) {
            return files.toList();
        }
    }

    /** Runs curl; returns its output, which ends with the HTTP status when {@code -w %{http_code}} is passed. */
    static String curl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("curl did not finish: " + output);
        }
        return output;
    }

    static String sha256Base64(byte[] content) throws GeneralSecurityException {
        return java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
