package io.callport.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for all tests of a class, on a data folder of its own that is removed afterwards:
 * {@code @RegisterExtension static final TestServerExtension server = new TestServerExtension();} then
 * {@code server.get(path, server.ownerKey())}.
 */
public final class TestServerExtension extends ApiClient implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private TestServer running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("callport-" + context.getRequiredTestClass().getSimpleName());
        running = TestServer.start(dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            TestFolders.deleteRecursively(dataDir);
        }
    }

    /** The server's data folder, for tests that look at what it wrote. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public CallportServer server() {
        return running.server();
    }

    @Override
    public String ownerKey() {
        return running.ownerKey();
    }
}
