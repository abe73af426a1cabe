package io.callport.server.pull;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** What connecting to an SFTP or FTP(S) server shares: how long to wait, and the words for failing to connect. */
final class ServerConnections {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private ServerConnections() {
    }

    /**
     * The failure for a connection that did not come up: {@link PullFailure#UNREACHABLE} when the network cause
     * says the host name does not resolve or nothing answers, {@link PullFailure#CONNECTION_LOST} otherwise.
     *
     * @param protocol {@code SFTP} or {@code FTP}, as the admin knows the server
     * @param network the network exception behind {@code e}, or null
     */
    static PullException failure(String protocol, String host, int port, Throwable network, Exception e) {
        if (network instanceof UnknownHostException) {
            return new PullException(PullFailure.UNREACHABLE, "The " + protocol + " host name " + host
                    + " does not resolve.", e);
        }
        if (network instanceof ConnectException || network instanceof NoRouteToHostException
                || network instanceof SocketTimeoutException) {
            return unreachable(protocol, host, port, network.getMessage(), e);
        }
        return new PullException(PullFailure.CONNECTION_LOST, "The connection to the " + protocol + " server "
                + host + ":" + port + " failed: " + e.getMessage() + ".", e);
    }

    static PullException unreachable(String protocol, String host, int port, String why, Exception e) {
        return new PullException(PullFailure.UNREACHABLE, "The " + protocol + " server " + host + ":" + port
                + " cannot be reached (" + why + ").", e);
    }
}
