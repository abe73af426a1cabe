package io.callport.server.sftp;

import java.util.function.BooleanSupplier;
import java.io.UncheckedIOException;
import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.SizeLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A running SFTP server over a fresh landing area, with a campaign key and an organisation key registered. */
abstract class SftpServerFixture {
    static final CampaignFolder SALES = new CampaignFolder("acme", "sales");
    static final CampaignFolder SUPPORT = new CampaignFolder("acme", "support");
    static final CampaignFolder RIVAL = new CampaignFolder("globex", "sales");

    @TempDir
    Path dir;
    LandingArea landing;
    final RegisteredKeys accounts = new RegisteredKeys();
    final List<LandedFile> events = new CopyOnWriteArrayList<>();
    CallportSftpServer server;
    OpenSsh openSsh;
    Path salesKey;
    Path orgKey;
    Path local;

    @BeforeEach
    void setUp() throws Exception {
        local = Files.createDirectories(dir.resolve("local"));
        openSsh = new OpenSsh(dir);
        salesKey = OpenSsh.keygen(dir.resolve("sales_key"));
        orgKey = OpenSsh.keygen(dir.resolve("org_key"));
        accounts.register(OpenSsh.publicKeyOf(salesKey), SftpAccount.forCampaign("sales-uploader", SALES));
        accounts.register(OpenSsh.publicKeyOf(orgKey), SftpAccount.forOrganisation("acme", "acme"));
        startServer(SizeLimits.DEFAULT, settings());
    }

    @AfterEach
    void tearDown() throws IOException {
        server.stop();
    }

    SftpSettings settings() {
        return SftpSettings.defaults(dir).withPort(0);
    }

    void startServer(SizeLimits limits, SftpSettings settings) throws IOException {
        landing = new LandingArea(dir.resolve("landing"), limits, Clock.systemUTC());
        for (CampaignFolder campaign : List.of(SALES, SUPPORT, RIVAL)) {
            landing.campaignDir(campaign);
        }
        server = new CallportSftpServer(settings, accounts, landing, events::add);
        server.start();
    }

    List<Path> partials() {
        try (Stream<Path> files = Files.list(landing.root().resolve(".incoming"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long partialBytes() {
        return partials().stream().mapToLong(p -> p.toFile().length()).sum();
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static Path sparseFile(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }
}
