package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.config.ServerConfig;
import io.callport.server.store.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server on PostgreSQL: first start, a write, a restart that keeps it. Skipped without PostgreSQL. */
class PostgresServerTest {
    @TempDir
    Path dataDir;

    @Test
    void theServerRunsAndRestartsOnPostgres() {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(),
                "PostgreSQL is not reachable: set " + TestDatabases.PG_URL_VARIABLE);
        try (TestDatabases.Disposable postgres = TestDatabases.postgres()) {
            ServerConfig config = ServerConfig.embedded(dataDir).withPorts(0, 0)
                    .withDatabase(postgres.url(), null, null);
            String key;
            String campaign;
            try (TestServer first = TestServer.start(config, List.of())) {
                key = first.ownerKey();
                campaign = first.createCampaign("On Postgres");
                assertThat(first.get("/health", null).json().get("database").asText()).isEqualTo("ok");
                assertThat(dataDir.resolve("callport.db")).doesNotExist();
            }
            try (TestServer second = TestServer.start(config, List.of())) {
                assertThat(second.ownerKey()).isNull();
                assertThat(second.get("/api/v1/campaigns/" + campaign, key).json().get("folder").asText())
                        .isEqualTo("on-postgres");
            }
        }
    }
}
