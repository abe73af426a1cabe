package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullSchedulerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path remote;
    @TempDir
    Path local;

    @Test
    void aConnectorStuckOnAMuteServerDoesNotDelayAnother() throws Exception {
        RemoteFiles.write(remote, "depot/call.mp3", "call");
        try (SftpTestServer server = new SftpTestServer(remote, null);
             MuteServer mute = new MuteServer();
             PullFixture fixture = new PullFixture(local)) {
            PullConnector stuck = fixture.create(ConnectorSettings.of("Mute", new SftpSite("127.0.0.1", mute.port(),
                    "u", "")), Credentials.password("p"));
            PullConnector healthy = fixture.create(ConnectorSettings.of("Healthy", new SftpSite("127.0.0.1",
                    server.port(), SftpTestServer.USER, "depot")), Credentials.password(SftpTestServer.PASSWORD));
            PullScheduler scheduler = new PullScheduler(fixture.connectors, fixture.ledger, fixture.sink,
                    fixture.staging, fixture.clock);

            scheduler.start();
            try {
                // the stuck connector hangs on the mute server (it answers nothing), and the healthy one delivers
                await(() -> mute.accepted() > 0);
                await(() -> fixture.sink.delivered().contains("sales/call.mp3"));
                assertThat(mute.accepted()).as("the stuck connector is connecting meanwhile").isPositive();
                assertThat(fixture.reload(stuck).status().lastRunAt()).as("and has not finished its run").isNull();
                await(() -> PullFixture.NOW.plus(Duration.ofMinutes(15))
                        .equals(fixture.reload(healthy).status().nextRunAt()));
            } finally {
                mute.close();
                scheduler.stop();
            }
        }
    }

    @Test
    void aFailingConnectorIsRetriedWithGrowingDelaysAndDisablingStopsIt() throws Exception {
        try (PullFixture fixture = new PullFixture(local)) {
            PullConnector failing = fixture.create(ConnectorSettings.of("Closed", new SftpSite("127.0.0.1",
                    RemoteFiles.closedPort(), "u", "")), Credentials.password("p"));
            PullScheduler scheduler = new PullScheduler(fixture.connectors, fixture.ledger, fixture.sink,
                    fixture.staging, fixture.clock, Duration.ofSeconds(30), Duration.ofMinutes(2));
            scheduler.start();
            try {
                await(() -> PullFixture.NOW.plusSeconds(30).equals(fixture.reload(failing).status().nextRunAt()));
                assertThat(fixture.reload(failing).status().failure()).isEqualTo(PullFailure.UNREACHABLE);
                assertThat(fixture.reload(failing).status().consecutiveFailures()).isEqualTo(1);

                RunReport second = scheduler.runNow(failing.id()).orElseThrow().get(PATIENCE.toSeconds(),
                        TimeUnit.SECONDS);
                assertThat(second.consecutiveFailures()).isEqualTo(2);
                await(() -> PullFixture.NOW.plusSeconds(60).equals(fixture.reload(failing).status().nextRunAt()));

                fixture.connectors.setEnabled(fixture.orgId, failing.id(), false);
                scheduler.refresh();
                assertThat(scheduler.runNow(failing.id())).isEmpty();
            } finally {
                scheduler.stop();
            }
        }
    }

    @Test
    void aRetiredConnectorStopsRunningAndLeavesNoStagedFiles() throws Exception {
        RemoteFiles.write(remote, "depot/call.mp3", "call");
        try (SftpTestServer server = new SftpTestServer(remote, null);
             PullFixture fixture = new PullFixture(local)) {
            PullConnector connector = fixture.create(ConnectorSettings.of("Retired", new SftpSite("127.0.0.1",
                    server.port(), SftpTestServer.USER, "depot")), Credentials.password(SftpTestServer.PASSWORD));
            PullScheduler scheduler = new PullScheduler(fixture.connectors, fixture.ledger, fixture.sink,
                    fixture.staging, fixture.clock);
            scheduler.start();
            try {
                await(() -> fixture.sink.delivered().contains("sales/call.mp3"));
                Path leftover = fixture.staging.resolve(connector.id()).resolve(".partial/other.mp3@9-0.part");
                java.nio.file.Files.createDirectories(leftover.getParent());
                java.nio.file.Files.writeString(leftover, "half");

                fixture.connectors.setEnabled(fixture.orgId, connector.id(), false);
                scheduler.retire(connector.id());

                assertThat(fixture.staging.resolve(connector.id())).doesNotExist();
                assertThat(scheduler.runNow(connector.id())).isEmpty();
                assertThat(fixture.connectors.delete(fixture.orgId, connector.id())).isTrue();
            } finally {
                scheduler.stop();
            }
        }
    }

    @Test
    void retryDelaysDoubleUpToTheLongest() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            delays.add(PullScheduler.retryDelay(failures, PullScheduler.FIRST_RETRY, PullScheduler.LONGEST_RETRY));
        }
        assertThat(delays).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    /** Accepts connections and never says a word, like a server behind a firewall that swallows packets. */
    private static final class MuteServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofPlatform().daemon().start(this::accept);

        MuteServer() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        private void accept() {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
