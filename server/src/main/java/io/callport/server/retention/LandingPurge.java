package io.callport.server.retention;

import io.callport.server.ingest.Pipeline;
import io.callport.server.store.IngestFile;
import io.callport.validate.Limits;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges files from the landing area (the SFTP folders) {@link Limits#SFTP_PURGE_AFTER} (7 days) after they were
 * processed: completed files from {@code processed/}, failed ones from {@code failed/} with their failed-rows
 * report, duplicates and skipped files from where they landed. Stored recordings are not touched; the campaign's
 * retention decides about them.
 */
public final class LandingPurge implements Runnable {
    private static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(LandingPurge.class);

    private final Pipeline pipeline;
    private final Clock clock;

    public LandingPurge(Pipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant before = clock.instant().minus(Limits.SFTP_PURGE_AFTER);
        int purged = 0;
        List<IngestFile> due;
        do {
            due = pipeline.store().files().finishedBefore(before, CHUNK);
            for (IngestFile file : due) {
                try {
                    pipeline.landedFiles().purge(file);
                    pipeline.store().files().markPurged(file.id());
                    purged++;
                } catch (IOException e) {
                    LOG.atWarn().addKeyValue("file", file.path()).addKeyValue("error", e.getMessage())
                            .log("a processed file could not be purged; it is tried again next time");
                }
            }
        } while (due.size() == CHUNK && purged > 0);
        if (purged > 0) {
            LOG.atInfo().addKeyValue("files", purged).log("landing area purged");
        }
    }
}
