package io.callport.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a real server, for fault tests: it forwards bytes both ways and can cut every
 * connection it carries, hard (a reset to both ends, as when a network link dies), either at given offsets of the
 * client-to-server stream, after a request reached the server and before its reply comes back, or when told. While
 * refusing, it resets each new connection as soon as it arrives.
 */
public final class CuttingProxy implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Deque<Long> cutOffsets = new ArrayDeque<>();
    private long forwardedToServer;
    private int cuts;
    private byte[] requestWhoseReplyIsCut;
    private volatile boolean refusing;
    private volatile boolean closed;

    private CuttingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("cutting-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy on a free loopback port forwarding to {@code host:port}. */
    public static CuttingProxy to(String host, int port) throws IOException {
        return new CuttingProxy(new InetSocketAddress(host, port));
    }

    /**
     * {@code count} distinct offsets below {@code below}, ascending, from a seeded generator: the same seed gives the
     * same cuts, so a failing run can be repeated.
     */
    public static List<Long> randomOffsets(long seed, int count, long below) {
        Random random = new Random(seed);
        return random.longs(0, below).distinct().limit(count).sorted().boxed().toList();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Cuts every connection when the bytes forwarded from clients to the server, counted over all connections since
     * the proxy started, reach each offset: the bytes before the offset arrive, none after it.
     */
    public synchronized void cutAt(List<Long> offsets) {
        cutOffsets.clear();
        offsets.stream().sorted().forEach(cutOffsets::add);
    }

    /**
     * The next time a client sends bytes containing {@code request} (in ASCII, such as a SQL statement), they reach
     * the server, and every connection is cut as the server's reply arrives, so the client never sees it: the server
     * did the work, and the client cannot tell whether it did.
     */
    public synchronized void cutBeforeReplyTo(String request) {
        requestWhoseReplyIsCut = request.getBytes(StandardCharsets.US_ASCII);
    }

    /** Cuts every connection now. */
    public void cut() {
        List<Socket> sockets = new ArrayList<>(open);
        synchronized (this) {
            cuts++;
        }
        sockets.forEach(this::reset);
    }

    /** While true, each new connection is reset as soon as it is accepted, as by a host that is down. */
    public void refuseNewConnections(boolean refuse) {
        refusing = refuse;
    }

    /** Bytes forwarded from clients to the server, over every connection. */
    public synchronized long forwardedToServer() {
        return forwardedToServer;
    }

    /** How many times the connections were cut. */
    public synchronized int cuts() {
        return cuts;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        new ArrayList<>(open).forEach(this::reset);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (refusing) {
                reset(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.setTcpNoDelay(true);
                server.connect(target);
                client.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Link link = new Link(client, server);
                Thread.ofPlatform().daemon().name("cutting-proxy-up").start(() -> link.pump(client, server, true));
                Thread.ofPlatform().daemon().name("cutting-proxy-down").start(() -> link.pump(server, client, false));
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    /** One proxied connection: two pumps, closed in order when both ends finish, reset when either fails. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private int pumpsRunning = 2;
        private volatile boolean replyCut;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Copies one direction; client-to-server bytes are counted and cut at the offsets. */
        void pump(Socket from, Socket to, boolean towardsServer) {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!towardsServer && replyCut) {
                        cut();
                        return;
                    }
                    if (towardsServer && carriesRequestWhoseReplyIsCut(buffer, read)) {
                        replyCut = true;
                    }
                    Admitted admitted = towardsServer ? admit(read) : new Admitted(read, false);
                    out.write(buffer, 0, admitted.bytes());
                    if (admitted.cutAfter()) {
                        cut();
                        return;
                    }
                }
                to.shutdownOutput();
                finished();
            } catch (IOException connectionGone) {
                reset(client);
                reset(server);
            }
        }

        private void finished() {
            synchronized (this) {
                if (--pumpsRunning > 0) {
                    return;
                }
            }
            reset(client);
            reset(server);
        }
    }

    private synchronized boolean carriesRequestWhoseReplyIsCut(byte[] bytes, int length) {
        if (requestWhoseReplyIsCut == null || indexOf(bytes, length, requestWhoseReplyIsCut) < 0) {
            return false;
        }
        requestWhoseReplyIsCut = null;
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte[] wanted) {
        for (int start = 0; start + wanted.length <= length; start++) {
            if (Arrays.equals(bytes, start, start + wanted.length, wanted, 0, wanted.length)) {
                return start;
            }
        }
        return -1;
    }

    /** How many of {@code length} bytes may pass before the next cut, and whether that cut is due after them. */
    private synchronized Admitted admit(int length) {
        Long next = cutOffsets.peekFirst();
        if (next == null || forwardedToServer + length < next) {
            forwardedToServer += length;
            return new Admitted(length, false);
        }
        int allowed = (int) Math.max(0, next - forwardedToServer);
        forwardedToServer += allowed;
        cutOffsets.removeFirst();
        return new Admitted(allowed, true);
    }

    private record Admitted(int bytes, boolean cutAfter) {
    }

    /** Closes with a reset (linger 0) rather than an orderly end, as a dead link looks to both ends. */
    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // closed by the other pump; closing again is harmless
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // a reset socket has nothing left to say
        }
    }
}
