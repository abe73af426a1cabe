package io.callport.server.ingest;

import io.callport.server.CallportServer;
import io.callport.server.TransferExtension;
import io.callport.server.config.ServerConfig;
import io.callport.server.http.PipelineRoutes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A whole server in its own JVM, for tests that kill it: {@code ChildServerMain <dataDir> <jdbcUrl|sqlite>
 * <leaseMillis>}. It scans the campaign folders every half second and prints {@code READY <httpPort>} once up.
 */
public final class ChildServerMain {
    private ChildServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0);
        if (!args[1].equals("sqlite")) {
            config = config.withDatabase(args[1], null, null);
        }
        PipelineSettings settings = new PipelineSettings(2, Duration.ofMillis(Long.parseLong(args[2])),
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ZERO, Duration.ofHours(1));
        PipelineExtension pipeline = new PipelineExtension(settings, PipelineExtension::recordingsFor, null,
                PipelineRoutes::of, io.callport.server.retention.Housekeeping::of);
        CallportServer server = new CallportServer(config, List.of(pipeline,
                new TransferExtension(pipeline::listenerFor))).start();
        System.out.println("READY " + server.httpPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
