package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.config.ServerConfig;
import io.callport.server.http.RouteGroup;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallportServerLifecycleTest {
    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();

    private ServerConfig config() {
        return ServerConfig.embedded(dataDir).withPorts(0, 0);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZeroBindsAFreePortThatAnswersHealthWithoutAKey() throws Exception {
        try (CallportServer server = new CallportServer(config(), List.of()).start()) {
            assertThat(server.httpPort()).isPositive();

            HttpResponse<String> health = get(server.httpPort(), "/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"database\":\"ok\"");
        }
    }

    @Test
    void stopLetsARequestInFlightFinishThenRefusesNewConnectionsAndClosesTheDatabase() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        RouteGroup slowRoute = routes -> routes.get("/slow", ctx -> {
            requestArrived.countDown();
            Thread.sleep(1500);
            ctx.result("finished");
        });
        CallportServer server = new CallportServer(config(), List.of(new ServerExtension() {
            @Override
            public List<RouteGroup> routeGroups(ServerContext context) {
                return List.of(slowRoute);
            }
        })).start();
        int port = server.httpPort();

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                        .header("Authorization", "Bearer " + server.initialOwnerKey().orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        server.stop();

        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");
        assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
        // SQLite folds its write-ahead log back into the database when the last connection closes cleanly
        assertThat(dataDir.resolve("callport.db")).exists();
        assertThat(dataDir.resolve("callport.db-wal")).doesNotExist();
    }

    @Test
    void componentsStartBeforeHttpAndStopAfterItInReverseOrder() {
        List<String> events = new ArrayList<>();
        ServerExtension extension = new ServerExtension() {
            @Override
            public List<ManagedComponent> components(ServerContext context) {
                return List.of(recording("first", events), recording("second", events));
            }
        };

        try (CallportServer server = new CallportServer(config(), List.of(extension)).start()) {
            assertThat(events).containsExactly("start first", "start second");
        }
        assertThat(events).containsExactly("start first", "start second", "stop second", "stop first");
    }

    @Test
    void aComponentThatFailsToStartStopsTheOnesAlreadyStartedAndTheServer() {
        List<String> events = new ArrayList<>();
        ManagedComponent broken = new ManagedComponent() {
            public String name() {
                return "broken";
            }

            public void start() {
                throw new IllegalStateException("port 2222 is taken");
            }

            public void stop() {
                events.add("stop broken");
            }
        };
        ServerExtension extension = new ServerExtension() {
            @Override
            public List<ManagedComponent> components(ServerContext context) {
                return List.of(recording("first", events), broken);
            }
        };
        CallportServer server = new CallportServer(config(), List.of(extension));

        assertThatThrownBy(server::start).hasMessageContaining("port 2222 is taken");
        assertThat(events).containsExactly("start first", "stop first");
        assertThat(dataDir.resolve("callport.db-wal")).doesNotExist();
    }

    @Test
    void aBusyPortIsReportedAsAStartFailure() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CallportServer server = new CallportServer(config().withPorts(taken.getLocalPort(), 0), List.of());
            assertThatThrownBy(server::start).hasMessageContaining("failed to start");
        }
        assertThat(Files.exists(dataDir.resolve("callport.db-wal"))).isFalse();
    }

    private static ManagedComponent recording(String name, List<String> events) {
        return new ManagedComponent() {
            public String name() {
                return name;
            }

            public void start() {
                events.add("start " + name);
            }

            public void stop() {
                events.add("stop " + name);
            }
        };
    }
}
