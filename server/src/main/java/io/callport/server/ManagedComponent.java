package io.callport.server;

/**
 * A part of the server with its own lifecycle, such as the SFTP server. Components start after the database is
 * ready and before HTTP accepts requests, and stop in reverse order after HTTP has finished its requests.
 */
public interface ManagedComponent {
    /** A short name for logs, e.g. {@code sftp}. */
    String name();

    void start() throws Exception;

    /** Stops accepting work, finishes or checkpoints work in flight, releases resources. */
    void stop() throws Exception;
}
