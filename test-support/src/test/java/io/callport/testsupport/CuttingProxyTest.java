package io.callport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The proxy against a loopback server that counts what reaches it. */
class CuttingProxyTest {

    @Test
    void passesBytesBothWaysAndCutsExactlyAtTheOffset() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CuttingProxy proxy = CuttingProxy.to("127.0.0.1", server.getLocalPort())) {
            proxy.cutAt(List.of(1_000L));
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> answerThenCount(server));
            try (Socket client = new Socket("127.0.0.1", proxy.port())) {
                assertThat(client.getInputStream().read()).as("the server's greeting").isEqualTo('!');
                OutputStream out = client.getOutputStream();
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        out.write(new byte[100]);
                    }
                    client.getInputStream().read();
                }).isInstanceOf(IOException.class);
            }
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(1_000);
            assertThat(proxy.forwardedToServer()).isEqualTo(1_000);
            assertThat(proxy.cuts()).isEqualTo(1);
        }
    }

    @Test
    void refusesNewConnectionsWhileToldTo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CuttingProxy proxy = CuttingProxy.to("127.0.0.1", server.getLocalPort())) {
            proxy.refuseNewConnections(true);
            try (Socket client = new Socket("127.0.0.1", proxy.port())) {
                assertThatThrownBy(() -> assertThat(client.getInputStream().read()).isEqualTo(-1))
                        .isInstanceOf(IOException.class).hasMessageContaining("reset");
            }
        }
    }

    @Test
    void randomOffsetsAreTheSameForTheSameSeed() {
        List<Long> offsets = CuttingProxy.randomOffsets(7, 20, 1 << 20);
        assertThat(offsets).hasSize(20).isSorted().doesNotHaveDuplicates()
                .allSatisfy(offset -> assertThat(offset).isBetween(0L, (1L << 20) - 1));
        assertThat(CuttingProxy.randomOffsets(7, 20, 1 << 20)).isEqualTo(offsets);
        assertThat(CuttingProxy.randomOffsets(8, 20, 1 << 20)).isNotEqualTo(offsets);
    }

    /** Accepts one connection, sends a greeting, and counts the bytes that arrive until it ends. */
    private static long answerThenCount(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getOutputStream().write('!');
            InputStream in = socket.getInputStream();
            long count = 0;
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    count += read;
                }
            } catch (IOException reset) {
                // the cut
            }
            return count;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
