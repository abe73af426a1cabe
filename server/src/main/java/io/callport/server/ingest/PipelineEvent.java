package io.callport.server.ingest;

import java.time.Instant;

/**
 * A status change someone may follow: a batch, a file or a call reached a new status.
 *
 * @param type   {@code batch}, {@code file} or {@code call}
 * @param reason what the status means in this case; null when it needs no explanation
 */
public record PipelineEvent(String type, String id, String orgId, String campaignId, String batchId, String status,
                            String reason, Instant at) {
    public static final String BATCH = "batch";
    public static final String FILE = "file";
    public static final String CALL = "call";
}
