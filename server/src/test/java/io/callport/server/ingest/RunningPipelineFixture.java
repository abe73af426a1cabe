package io.callport.server.ingest;

import io.callport.server.config.ServerConfig;
import io.callport.testsupport.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline server of its own for each test, on the real clock moved on by hand where a test needs it, with agent
 * 478 (Ann Lee) known; extended by the tests that follow files through the pipeline.
 */
abstract class RunningPipelineFixture {
    @TempDir
    Path dataDir;
    final MutableClock clock = MutableClock.running();
    PipelineServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = PipelineServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), PipelineServer.fast(), clock);
        server.agent("478", null, "Ann Lee");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
