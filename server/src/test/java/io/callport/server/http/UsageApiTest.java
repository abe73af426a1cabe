package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.StandardExtensions;
import io.callport.server.TestServer;
import io.callport.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation's minutes allocation, set by the owner and enforced when upload links are handed out. */
class UsageApiTest {
    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(ServerConfig.embedded(dataDir).withPorts(0, 0), StandardExtensions.all());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOwnerSetsTheAllocationAndPresignedUploadsStayWithinIt() {
        String campaign = server.createCampaign("Sales");
        String manager = server.createKey("MANAGER", null);

        TestServer.Response before = server.get(UsageRoutes.PATH, server.ownerKey());
        TestServer.Response byManager = server.put(UsageRoutes.PATH, manager, "{\"monthlyMinutes\": 1000}");
        TestServer.Response set = server.put(UsageRoutes.PATH, server.ownerKey(), "{\"monthlyMinutes\": 10}");
        TestServer.Response tooLong = presign(campaign, 11 * 60);
        TestServer.Response fits = presign(campaign, 9 * 60);
        server.put(UsageRoutes.PATH, server.ownerKey(), "{\"monthlyMinutes\": null}");
        TestServer.Response unlimited = presign(campaign, 11 * 60);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("monthlyMinutes").isNull()).isTrue();
        assertThat(before.json().get("usedMinutesThisMonth").asDouble()).isZero();
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("monthlyMinutes").asLong()).isEqualTo(10);
        assertThat(tooLong.status()).isEqualTo(403);
        assertThat(tooLong.body()).contains("MINUTES_ALLOCATION_EXCEEDED").contains("10 minutes");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(unlimited.status()).isEqualTo(200);
    }

    @Test
    void aNegativeAllocationIsRefused() {
        TestServer.Response response = server.put(UsageRoutes.PATH, server.ownerKey(), "{\"monthlyMinutes\": -5}");

        assertThat(response.status()).isEqualTo(400);
    }

    private TestServer.Response presign(String campaignId, int durationSeconds) {
        return server.post("/api/v1/uploads/presign", server.ownerKey(), "{\"campaignId\": \"" + campaignId
                + "\", \"filename\": \"call.wav\", \"size\": 1000, \"metadata\": {\"durationSeconds\": "
                + durationSeconds + "}}");
    }
}
