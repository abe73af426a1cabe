package io.callport.server;

import io.callport.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real server on a free loopback port with its own data folder, called over real HTTP. Its owner key is the
 * one the first start printed.
 */
public final class TestServer extends ApiClient implements AutoCloseable {
    private final CallportServer server;
    private final String ownerKey;

    private TestServer(CallportServer server, String ownerKey) {
        this.server = server;
        this.ownerKey = ownerKey;
    }

    public static TestServer start(Path dataDir) {
        return start(ServerConfig.embedded(dataDir).withPorts(0, 0), List.of());
    }

    public static TestServer start(ServerConfig config, List<ServerExtension> extensions) {
        return start(config, extensions, Clock.systemUTC());
    }

    public static TestServer start(ServerConfig config, List<ServerExtension> extensions, Clock clock) {
        CallportServer server = new CallportServer(config, extensions, clock).start();
        return new TestServer(server, server.initialOwnerKey().orElse(null));
    }

    @Override
    public CallportServer server() {
        return server;
    }

    @Override
    public String ownerKey() {
        return ownerKey;
    }

    @Override
    public void close() {
        server.stop();
    }
}
