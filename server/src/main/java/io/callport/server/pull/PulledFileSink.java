package io.callport.server.pull;

import java.io.IOException;
import java.nio.file.Path;

/** Receives each fetched file; the ingestion pipeline implements it. */
@FunctionalInterface
public interface PulledFileSink {
    /**
     * Takes a fetched file. The sink must move or copy {@code file} before returning: the connector deletes whatever
     * is left at that path afterwards. When it throws, the file is offered again on the connector's next run.
     *
     * @param campaignFolder the campaign's folder, as on the server's own SFTP
     * @param relativePath   the file's path below the connector's base path, {@code /}-separated, e.g.
     *                       {@code 20260211/call-1.mp3}
     */
    void pulled(String campaignFolder, String relativePath, Path file) throws IOException;
}
