package io.callport.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.TestServer;
import io.callport.server.auth.AuthFailureLimiter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitApiTest {
    @TempDir
    Path dataDir;

    @Test
    void afterTenFailedAuthenticationsTheAddressGets429EvenWithAGoodKey() {
        try (TestServer server = TestServer.start(dataDir)) {
            for (int i = 0; i < AuthFailureLimiter.DEFAULT_MAX_FAILURES; i++) {
                assertThat(server.get("/api/v1/campaigns", "cp_" + "x".repeat(43)).status()).isEqualTo(401);
            }

            TestServer.Response limited = server.get("/api/v1/campaigns", "cp_" + "x".repeat(43));
            TestServer.Response goodKey = server.get("/api/v1/campaigns", server.ownerKey());

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.error()).isEqualTo("too_many_requests");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, AuthFailureLimiter.DEFAULT_WINDOW.toSeconds());
            assertThat(goodKey.status()).isEqualTo(429);
            assertThat(server.get("/health", null).status()).as("health stays open").isEqualTo(200);
        }
    }
}
