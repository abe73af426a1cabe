package io.callport.server.pull;

import io.callport.server.landing.CampaignFolder;
import java.io.IOException;
import java.nio.file.Path;

/** Receives each fetched file; the server lands it in the campaign's folder, where the pipeline takes it. */
@FunctionalInterface
public interface PulledFileSink {
    /**
     * Takes a fetched file. The sink must move or copy {@code file} before returning: the connector deletes whatever
     * is left at that path afterwards. When it throws, the file is offered again on the connector's next run.
     *
     * @param campaign     the campaign's folder, as on the server's own SFTP
     * @param relativePath the file's path below the connector's base path, {@code /}-separated, e.g.
     *                     {@code 20260211/call-1.mp3}
     * @param file         the whole file, flushed to disk, in the server's data folder
     */
    void pulled(CampaignFolder campaign, String relativePath, Path file) throws IOException;
}
